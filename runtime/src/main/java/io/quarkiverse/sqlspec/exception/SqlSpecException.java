package io.quarkiverse.sqlspec.exception;

/**
 * Base class of the exceptions SQLSpec throws.
 */
public class SqlSpecException extends RuntimeException {

    public SqlSpecException(String message) {
        super(message);
    }

    public SqlSpecException(String message, Throwable cause) {
        super(message, cause);
    }
}
