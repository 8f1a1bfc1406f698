package io.quarkiverse.sqlspec;

/**
 * How the request's transaction on a datasource ends, given the final HTTP status of the response.
 * <p>
 * Configured per datasource with {@code quarkus.sqlspec.commit-mode} / {@code quarkus.sqlspec."name".commit-mode}.
 * {@code extra-commit-statuses} and {@code extra-rollback-statuses} adjust the automatic modes; a rollback status always
 * wins.
 */
public enum CommitMode {

    /**
     * The application commits ({@link DbSession#commit()}); work left uncommitted at the end of the request is rolled
     * back and logged as a warning.
     */
    MANUAL,

    /**
     * 2xx commits; 1xx, 3xx, 4xx, 5xx and unhandled exceptions roll back. The default.
     */
    AUTOCOMMIT,

    /**
     * 2xx and 3xx commit (a POST-redirect-GET flow keeps its work); 1xx, 4xx, 5xx and exceptions roll back.
     */
    AUTOCOMMIT_INCLUDE_REDIRECT
}
