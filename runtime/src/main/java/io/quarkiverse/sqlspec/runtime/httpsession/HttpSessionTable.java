package io.quarkiverse.sqlspec.runtime.httpsession;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

import io.quarkus.runtime.configuration.ConfigurationException;

/**
 * The session table: its validated name and the DDL that creates it, or completes it additively (never drops).
 * <p>
 * {@code fillfactor} 80 leaves room on each page for the frequent updates of {@code data}, {@code expires_at} and
 * {@code updated_at} to stay HOT (no index update); the partial index on {@code expires_at} serves the purge without
 * indexing sessions that never expire.
 */
public final class HttpSessionTable {

    /** An unquoted PostgreSQL identifier, optionally schema-qualified; 63 characters is PostgreSQL's limit. */
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private final String name;

    private HttpSessionTable(String name) {
        this.name = name;
    }

    /**
     * @throws ConfigurationException when the name is not a plain identifier (it is written into SQL)
     */
    public static HttpSessionTable named(String name, String property) {
        String[] parts = name.split("\\.", -1);
        boolean valid = parts.length <= 2;
        for (String part : parts) {
            valid &= IDENTIFIER.matcher(part).matches();
        }
        if (!valid) {
            throw new ConfigurationException(property + " is '" + name + "': use a lower-case identifier of at most 63"
                    + " characters ([a-z_][a-z0-9_]*), optionally schema-qualified (schema.table)");
        }
        return new HttpSessionTable(name);
    }

    public String name() {
        return name;
    }

    /** Creates the table and index when missing, and adds any column a previous version did not have. */
    public void createOrComplete(Connection connection) throws SQLException {
        String indexName = name.substring(name.lastIndexOf('.') + 1) + "_expires_at_idx";
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS " + name + " ("
                    + "session_id text PRIMARY KEY, "
                    + "data jsonb NOT NULL DEFAULT '{}'::jsonb, "
                    + "expires_at timestamptz, "
                    + "created_at timestamptz NOT NULL DEFAULT now(), "
                    + "updated_at timestamptz NOT NULL DEFAULT now()"
                    + ") WITH (fillfactor = 80)");
            statement.execute("ALTER TABLE " + name + " ADD COLUMN IF NOT EXISTS data jsonb NOT NULL DEFAULT '{}'::jsonb");
            statement.execute("ALTER TABLE " + name + " ADD COLUMN IF NOT EXISTS expires_at timestamptz");
            statement.execute("ALTER TABLE " + name
                    + " ADD COLUMN IF NOT EXISTS created_at timestamptz NOT NULL DEFAULT now()");
            statement.execute("ALTER TABLE " + name
                    + " ADD COLUMN IF NOT EXISTS updated_at timestamptz NOT NULL DEFAULT now()");
            statement.execute("CREATE INDEX IF NOT EXISTS " + indexName + " ON " + name
                    + " (expires_at) WHERE expires_at IS NOT NULL");
        }
    }
}
