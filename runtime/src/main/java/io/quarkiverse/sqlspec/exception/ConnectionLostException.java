package io.quarkiverse.sqlspec.exception;

/**
 * SQLSTATE class 08 and 57P01-57P03: the connection to the database broke or the server is shutting down.
 */
public class ConnectionLostException extends DatabaseUnavailableException {

    public ConnectionLostException(String message, String sqlState, String sql, Throwable cause) {
        super(message, sqlState, sql, cause);
    }
}
