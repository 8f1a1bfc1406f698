package io.quarkiverse.sqlspec.exception;

/**
 * SQLSTATE 23514: a CHECK constraint rejected the row.
 */
public class CheckViolationException extends DatabaseException {

    public CheckViolationException(String message, String sqlState, String sql, Throwable cause) {
        super(message, sqlState, sql, cause);
    }
}
