package io.quarkiverse.sqlspec.exception;

/**
 * SQLSTATE 57014: the statement was cancelled, typically by statement_timeout or a JDBC query timeout.
 */
public class QueryTimeoutException extends DatabaseUnavailableException {

    public QueryTimeoutException(String message, String sqlState, String sql, Throwable cause) {
        super(message, sqlState, sql, cause);
    }
}
