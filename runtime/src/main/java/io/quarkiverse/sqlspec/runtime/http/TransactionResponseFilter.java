package io.quarkiverse.sqlspec.runtime.http;

import jakarta.inject.Singleton;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.jboss.resteasy.reactive.server.core.LazyResponse;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

import io.quarkiverse.sqlspec.exception.DatabaseException;
import io.quarkiverse.sqlspec.runtime.blocking.WorkerCalls;
import io.quarkiverse.sqlspec.runtime.database.HttpRequestScope;
import io.quarkiverse.sqlspec.runtime.database.RowStreamImpl;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;

/**
 * Ends the request's transactions from the final status, after exception mappers ran and before the body is written.
 * A commit that fails replaces the response with an error: no client is told that unsaved data was saved.
 * <p>
 * {@code @Singleton}: without a scope, a filter class with fields gets an application-scoped generated filter, called
 * through a client proxy on every request.
 */
@Singleton
public class TransactionResponseFilter {

    /**
     * Response filters run from the highest priority value to the lowest; this one runs after the application's own
     * filters (which may still use the session) unless they declare a priority below it.
     */
    public static final int PRIORITY = 1;

    /**
     * @return {@code null} when done at once (a request without connections, or on a worker thread)
     */
    @ServerResponseFilter(priority = PRIORITY)
    public Uni<Void> completeTransactions(ResteasyReactiveContainerRequestContext requestContext,
            ContainerResponseContext response) {
        // handed over by the generated filter: no lookup of the current request
        var request = (ResteasyReactiveRequestContext) requestContext.getServerRequestContext();
        HttpRequestScope scope = HttpRequestScope.of(request);
        if (scope == null || scope.isEnded()) {
            return null;
        }
        int status = finalStatus(request, response);
        if (RowStreamImpl.endsAfterBody(request.getResponseEntity())) {
            // the body reads its rows from the request's connection: RowStreamBodyWriter ends the transaction
            scope.deferUntilBodyWritten(status);
            return null;
        }
        if (scope.endsWithoutRoundTrip()) {
            // the request only read: nothing to commit, so no worker hop even on the event loop (db.async() reads)
            scope.complete(status);
            return null;
        }
        if (scope.endsWithoutJdbcRoundTrip() && Context.isOnEventLoopThread()) {
            // db.async() wrote through the reactive client: its commit needs no worker thread either
            return Uni.createFrom().emitter(emitter -> scope.completeWithoutWorker(status).onComplete(done -> {
                replaceIfFailed(response, done.succeeded() ? done.result()
                        : new DatabaseException(String.valueOf(done.cause().getMessage()), null, null, done.cause()));
                emitter.complete(null);
            }));
        }
        return WorkerCalls.inFilter(() -> scope.complete(status), failure -> replaceIfFailed(response, failure));
    }

    private static void replaceIfFailed(ContainerResponseContext response, DatabaseException failure) {
        if (failure == null) {
            return;
        }
        DatabaseExceptionMappers.Answer answer = DatabaseExceptionMappers.answer(failure);
        // the response described work that was not saved: its cookies (a new session) go with it
        response.getHeaders().remove("Set-Cookie");
        if (answer.status() == 503) {
            response.getHeaders().putSingle("Retry-After", DatabaseExceptionMappers.RETRY_AFTER);
        }
        response.setStatus(answer.status());
        response.setEntity(ErrorBodies.json(answer.status(), "The changes were not saved. " + answer.message(),
                failure.sqlState()), null, MediaType.APPLICATION_JSON_TYPE);
    }

    /**
     * The status the response will have. Asking the response context for it makes RESTEasy Reactive build the JAX-RS
     * {@code Response} (a builder, a header map) that it otherwise skips for a plain returned object; in that case the
     * status is known the way RESTEasy Reactive's own fast path knows it: 204 without an entity, else 200.
     */
    public static int finalStatus(ResteasyReactiveRequestContext request, ContainerResponseContext response) {
        LazyResponse lazy = request.getResponse();
        if (lazy != null && !lazy.isCreated() && lazy.isPredetermined()) {
            return request.getResponseEntity() == null ? 204 : 200;
        }
        return response.getStatus();
    }
}
