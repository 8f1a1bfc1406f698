package io.quarkiverse.sqlspec.exception;

/**
 * The parameters given do not fit the statement's placeholders (wrong count, missing name, mixed styles).
 */
public class SqlParameterException extends SqlSpecException {

    public SqlParameterException(String message) {
        super(message);
    }
}
