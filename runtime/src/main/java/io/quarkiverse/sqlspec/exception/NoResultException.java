package io.quarkiverse.sqlspec.exception;

/**
 * A query that must return a row returned none. Quarkus REST answers it with 404 Not Found unless the application
 * maps it otherwise.
 */
public class NoResultException extends SqlSpecException {

    public NoResultException(String sql) {
        super("expected one row but the query returned none: " + SqlExcerpt.of(sql));
    }
}
