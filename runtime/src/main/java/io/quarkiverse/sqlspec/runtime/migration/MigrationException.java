package io.quarkiverse.sqlspec.runtime.migration;

/**
 * A migration command failed; the message names the datasource or file, the statement and the database's error.
 */
public final class MigrationException extends RuntimeException {

    public MigrationException(String message) {
        super(message);
    }

    public MigrationException(String message, Throwable cause) {
        super(message, cause);
    }
}
