package io.quarkiverse.sqlspec.exception;

/**
 * The database could not serve the statement now, through no fault of the statement: the connection broke, no
 * connection could be had in time, or the statement was cancelled for taking too long. Retrying later may succeed;
 * Quarkus REST answers 503 with {@code Retry-After}.
 */
public class DatabaseUnavailableException extends DatabaseException {

    public DatabaseUnavailableException(String message, String sqlState, String sql, Throwable cause) {
        super(message, sqlState, sql, cause);
    }
}
