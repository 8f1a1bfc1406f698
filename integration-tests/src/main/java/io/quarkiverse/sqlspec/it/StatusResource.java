package io.quarkiverse.sqlspec.it;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import io.agroal.api.AgroalDataSource;

/**
 * Proves the database is there: which server answers and which demo tables exist.
 */
@Path("/status")
public class StatusResource {

    public record Status(String database, List<String> tables) {
    }

    @Inject
    AgroalDataSource dataSource;

    @GET
    public Status status() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            return new Status(serverVersion(statement), tables(statement));
        }
    }

    private static String serverVersion(Statement statement) throws SQLException {
        try (ResultSet rs = statement.executeQuery("SELECT 'PostgreSQL ' || current_setting('server_version')")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static List<String> tables(Statement statement) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (ResultSet rs = statement.executeQuery(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        return tables;
    }
}
