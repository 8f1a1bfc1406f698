package io.quarkiverse.sqlspec.runtime.httpsession;

import java.util.regex.Pattern;

import io.quarkiverse.sqlspec.DbSession;
import io.quarkus.runtime.configuration.ConfigurationException;

/**
 * The session table: its validated name and the DDL that creates it, or completes it additively (never drops).
 * <p>
 * {@code fillfactor} 80 leaves room on each page for the frequent updates of {@code data}, {@code expires_at} and
 * {@code updated_at} to stay HOT (no index update); the partial index on {@code expires_at} serves the purge.
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

    /**
     * Creates the table and index when missing, adds any column a previous version did not have, and replaces the ids
     * that earlier versions of SQLSpec stored in clear by their hash (those sessions stay valid). Runs in the caller's
     * transaction, under a transaction-level advisory lock: instances that start together on an empty database wait
     * for each other instead of colliding in PostgreSQL's catalog ({@code CREATE TABLE IF NOT EXISTS} alone is not
     * safe against a concurrent twin).
     */
    public void createOrComplete(DbSession db) {
        db.execute("SELECT pg_advisory_xact_lock(hashtext(?))", "sqlspec-http-session-table:" + name);
        String indexName = name.substring(name.lastIndexOf('.') + 1) + "_expires_at_idx";
        db.executeScript("CREATE TABLE IF NOT EXISTS " + name + " ("
                + "session_id text PRIMARY KEY, "
                + "data jsonb NOT NULL DEFAULT '{}'::jsonb, "
                + "expires_at timestamptz, "
                + "created_at timestamptz NOT NULL DEFAULT now(), "
                + "updated_at timestamptz NOT NULL DEFAULT now()"
                + ") WITH (fillfactor = 80);\n"
                + "ALTER TABLE " + name + " ADD COLUMN IF NOT EXISTS data jsonb NOT NULL DEFAULT '{}'::jsonb;\n"
                + "ALTER TABLE " + name + " ADD COLUMN IF NOT EXISTS expires_at timestamptz;\n"
                + "ALTER TABLE " + name + " ADD COLUMN IF NOT EXISTS created_at timestamptz NOT NULL DEFAULT now();\n"
                + "ALTER TABLE " + name + " ADD COLUMN IF NOT EXISTS updated_at timestamptz NOT NULL DEFAULT now();\n"
                + "CREATE INDEX IF NOT EXISTS " + indexName + " ON " + name
                + " (expires_at) WHERE expires_at IS NOT NULL");
        db.execute(hashLegacyIds());
    }

    /** Ids stored in clear have the id's length (43); keys are 64 hex digits, as {@link HttpSessionIds#key}. */
    private String hashLegacyIds() {
        return "UPDATE " + name + " SET session_id = encode(sha256(convert_to(session_id, 'UTF8')), 'hex')"
                + " WHERE length(session_id) = " + HttpSessionIds.ID_LENGTH;
    }
}
