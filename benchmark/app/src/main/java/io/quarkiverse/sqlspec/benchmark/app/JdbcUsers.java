package io.quarkiverse.sqlspec.benchmark.app;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import io.agroal.api.AgroalDataSource;

/** Hand-written Agroal + JDBC in auto-commit: the fastest a user could write, and the baseline. */
@Path("/jdbc/users")
public class JdbcUsers {

    @Inject
    AgroalDataSource dataSource;

    @GET
    @Path("/{id}")
    public User get(@PathParam("id") long id) throws SQLException {
        return JdbcUsers.find(dataSource, id);
    }

    @POST
    public long create(NewUser user) throws SQLException {
        return JdbcUsers.insert(dataSource, user);
    }

    static User find(AgroalDataSource dataSource, long id) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection
                        .prepareStatement("SELECT id, name, email FROM users WHERE id = ?")) {
            statement.setLong(1, id);
            try (ResultSet rs = statement.executeQuery()) {
                if (!rs.next()) {
                    throw new NotFoundException();
                }
                return new User(rs.getLong(1), rs.getString(2), rs.getString(3));
            }
        }
    }

    static long insert(AgroalDataSource dataSource, NewUser user) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection
                        .prepareStatement("INSERT INTO users (name, email) VALUES (?, ?) RETURNING id")) {
            statement.setString(1, user.name());
            statement.setString(2, user.email());
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
