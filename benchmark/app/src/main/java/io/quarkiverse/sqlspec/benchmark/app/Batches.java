package io.quarkiverse.sqlspec.benchmark.app;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import io.agroal.api.AgroalDataSource;
import io.quarkiverse.sqlspec.DbSession;

/** The batch scenario: {@code rows} inserts in one request, by executeMany and by a hand-written JDBC batch. */
@Path("/")
public class Batches {

    static final String INSERT = "INSERT INTO batch_users (name, email) VALUES ($1, $2)";
    static final String JDBC_INSERT = "INSERT INTO batch_users (name, email) VALUES (?, ?)";

    @Inject
    DbSession db;

    @Inject
    AgroalDataSource dataSource;

    @POST
    @Path("/sqlspec/batch")
    public long sqlspec(@QueryParam("rows") int rows) {
        return db.executeMany(INSERT, newUsers(rows));
    }

    /** In a transaction, committed once, as the SQLSpec request is. */
    @POST
    @Path("/jdbc/batch")
    public long jdbc(@QueryParam("rows") int rows) throws SQLException {
        List<Object[]> users = newUsers(rows);
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement statement = connection.prepareStatement(JDBC_INSERT)) {
                for (Object[] user : users) {
                    statement.setString(1, (String) user[0]);
                    statement.setString(2, (String) user[1]);
                    statement.addBatch();
                }
                long total = 0;
                for (long count : statement.executeLargeBatch()) {
                    total += Math.max(count, 0);
                }
                connection.commit();
                return total;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }

    private static List<Object[]> newUsers(int rows) {
        List<Object[]> users = new ArrayList<>(rows);
        for (int i = 0; i < rows; i++) {
            users.add(new Object[] { "Batch User " + i, "batch" + i + "@example.com" });
        }
        return users;
    }
}
