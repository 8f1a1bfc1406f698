package io.quarkiverse.sqlspec.exception;

/**
 * SQLSTATE 40001: a concurrent transaction conflicted; retrying the transaction usually succeeds.
 */
public class SerializationFailureException extends DatabaseException {

    public SerializationFailureException(String message, String sqlState, String sql, Throwable cause) {
        super(message, sqlState, sql, cause);
    }
}
