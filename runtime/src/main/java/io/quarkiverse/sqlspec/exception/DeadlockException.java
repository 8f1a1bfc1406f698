package io.quarkiverse.sqlspec.exception;

/**
 * SQLSTATE 40P01: two transactions waited for each other; one was cancelled.
 */
public class DeadlockException extends DatabaseException {

    public DeadlockException(String message, String sqlState, String sql, Throwable cause) {
        super(message, sqlState, sql, cause);
    }
}
