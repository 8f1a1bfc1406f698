package io.quarkiverse.sqlspec.exception;

/**
 * SQLSTATE 23505: a row with the same value in a unique column or primary key exists.
 */
public class UniqueViolationException extends DatabaseException {

    public UniqueViolationException(String message, String sqlState, String sql, Throwable cause) {
        super(message, sqlState, sql, cause);
    }
}
