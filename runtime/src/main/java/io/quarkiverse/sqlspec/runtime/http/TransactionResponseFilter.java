package io.quarkiverse.sqlspec.runtime.http;

import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import io.quarkiverse.sqlspec.runtime.session.HttpRequestScope;
import io.smallrye.mutiny.Uni;

/**
 * Ends the request's transactions from the final status, after exception mappers ran and before the body is written.
 * A commit that fails replaces the response with an error: no client is told that unsaved data was saved.
 */
public class TransactionResponseFilter {

    /**
     * Response filters run from the highest priority value to the lowest; this one runs after the application's own
     * filters (which may still use the session) unless they declare a priority below it.
     */
    static final int PRIORITY = 1;

    private static final Uni<Void> DONE = Uni.createFrom().voidItem();

    @ServerResponseFilter(priority = PRIORITY)
    public Uni<Void> completeTransactions(ContainerResponseContext response) {
        HttpRequestScope scope = HttpRequestScope.existing();
        if (scope == null || scope.isEnded()) {
            return DONE;
        }
        return WorkerCalls.call(() -> scope.complete(response.getStatus()))
                .invoke(status -> replaceIfFailed(response, status))
                .replaceWithVoid();
    }

    private static void replaceIfFailed(ContainerResponseContext response, int status) {
        if (status == response.getStatus()) {
            return;
        }
        response.setStatus(status);
        response.setEntity(ErrorBodies.commitFailed(status), null, MediaType.APPLICATION_JSON_TYPE);
    }
}
