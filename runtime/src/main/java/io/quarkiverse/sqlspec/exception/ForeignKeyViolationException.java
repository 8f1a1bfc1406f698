package io.quarkiverse.sqlspec.exception;

/**
 * SQLSTATE 23503: the referenced row does not exist, or a referencing row still exists.
 */
public class ForeignKeyViolationException extends DatabaseException {

    public ForeignKeyViolationException(String message, String sqlState, String sql, Throwable cause) {
        super(message, sqlState, sql, cause);
    }
}
