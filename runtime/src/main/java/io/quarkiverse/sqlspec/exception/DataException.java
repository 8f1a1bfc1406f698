package io.quarkiverse.sqlspec.exception;

/**
 * SQLSTATE class 22: a value the database cannot take (invalid text representation, value too long, numeric out of
 * range, a NUL character in text, invalid JSON...). Usually caused by the request's input; Quarkus REST answers 422.
 */
public class DataException extends DatabaseException {

    public DataException(String message, String sqlState, String sql, Throwable cause) {
        super(message, sqlState, sql, cause);
    }
}
