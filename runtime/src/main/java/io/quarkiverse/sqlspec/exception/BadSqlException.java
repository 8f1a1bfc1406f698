package io.quarkiverse.sqlspec.exception;

/**
 * SQLSTATE class 42: syntax error, unknown table or column, insufficient privilege.
 */
public class BadSqlException extends DatabaseException {

    public BadSqlException(String message, String sqlState, String sql, Throwable cause) {
        super(message, sqlState, sql, cause);
    }
}
