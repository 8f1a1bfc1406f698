package io.quarkiverse.sqlspec.runtime.database;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.RequestScoped;

/**
 * Connections used in a CDI request context that is not an HTTP request (a {@code @QuarkusTest} method, a
 * {@code @Scheduled} job, {@code @ActivateRequestContext} code). There is no response to decide a commit, so every
 * statement commits on its own; the connections go back to the pool when the context ends.
 */
@RequestScoped
public class ContextScope {

    private ConnectionScope scope;

    ConnectionScope scope(int dataSourceCount) {
        if (scope == null) {
            scope = new ConnectionScope(dataSourceCount, ManagedConnection.Mode.AUTO_COMMIT) {
            };
        }
        return scope;
    }

    @PreDestroy
    void release() {
        if (scope != null) {
            scope.release();
        }
    }
}
