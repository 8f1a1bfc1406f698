package io.quarkiverse.sqlspec.exception;

/**
 * SQLSTATE 23502: a NOT NULL column received NULL.
 */
public class NotNullViolationException extends DatabaseException {

    public NotNullViolationException(String message, String sqlState, String sql, Throwable cause) {
        super(message, sqlState, sql, cause);
    }
}
