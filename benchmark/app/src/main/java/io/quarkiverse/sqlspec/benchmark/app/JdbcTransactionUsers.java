package io.quarkiverse.sqlspec.benchmark.app;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

import io.agroal.api.AgroalDataSource;

/**
 * Hand-written JDBC with the guarantee SQLSpec gives every write: the insert runs in a transaction that is committed
 * only when the work succeeded (BEGIN, INSERT, COMMIT), so a failure after it loses nothing half-done. The baseline for
 * what SQLSpec itself adds to a write.
 */
@Path("/jdbc-tx/users")
public class JdbcTransactionUsers {

    @Inject
    AgroalDataSource dataSource;

    @POST
    public long create(NewUser user) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement statement = connection
                    .prepareStatement("INSERT INTO users (name, email) VALUES (?, ?) RETURNING id")) {
                statement.setString(1, user.name());
                statement.setString(2, user.email());
                long id;
                try (ResultSet rs = statement.executeQuery()) {
                    rs.next();
                    id = rs.getLong(1);
                }
                connection.commit();
                return id;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }
}
