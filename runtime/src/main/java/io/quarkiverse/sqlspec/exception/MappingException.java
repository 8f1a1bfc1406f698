package io.quarkiverse.sqlspec.exception;

/**
 * A column could not be mapped to a property of the requested row type (missing column, incompatible type, NULL into a
 * primitive). The message names the class, the property, the column and the column's SQL type.
 */
public class MappingException extends SqlSpecException {

    public MappingException(String message) {
        super(message);
    }

    public MappingException(String message, Throwable cause) {
        super(message, cause);
    }
}
