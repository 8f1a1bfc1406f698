package io.quarkiverse.sqlspec.runtime.database;

import jakarta.ws.rs.container.CompletionCallback;

import org.jboss.resteasy.reactive.server.core.CurrentRequestManager;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;

import io.quarkiverse.sqlspec.exception.DatabaseException;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

/**
 * The connections of one Quarkus REST request. Committed or rolled back by the response filter from the final status;
 * whatever is left (unmapped exception, client gone, manual mode) is rolled back when the request completes.
 */
public final class HttpRequestScope extends ConnectionScope implements CompletionCallback {

    private static final String PROPERTY = HttpRequestScope.class.getName();

    private volatile int deferredStatus = -1;

    private HttpRequestScope(int dataSourceCount) {
        super(dataSourceCount, ManagedConnection.Mode.LOCAL_TRANSACTION);
    }

    /**
     * The scope of the REST request being processed on this thread, created on first use; {@code null} outside one.
     */
    static HttpRequestScope current(int dataSourceCount) {
        ResteasyReactiveRequestContext request = currentRequest();
        if (request == null) {
            return null;
        }
        HttpRequestScope scope = (HttpRequestScope) request.getProperty(PROPERTY);
        if (scope == null) {
            scope = new HttpRequestScope(dataSourceCount);
            request.setProperty(PROPERTY, scope);
            request.registerCompletionCallback(scope);
        }
        return scope;
    }

    /** Whether a Quarkus REST request is being processed on this thread. */
    static boolean requestIsCurrent() {
        return currentRequest() != null;
    }

    /** The scope of {@code request} if it took a connection, for the response filter. */
    public static HttpRequestScope of(ResteasyReactiveRequestContext request) {
        return (HttpRequestScope) request.getProperty(PROPERTY);
    }

    private static ResteasyReactiveRequestContext currentRequest() {
        ManagedContext requestContext = Arc.container().requestContext();
        if (!requestContext.isActive()) {
            return null;
        }
        return CurrentRequestManager.get();
    }

    /**
     * Applies the commit policy for {@code status}.
     *
     * @return the commit that failed (the client must not get a success), or {@code null}
     */
    public DatabaseException complete(int status) {
        return finish(status);
    }

    /**
     * {@link #complete} when only the reactive client's connections have a transaction open
     * ({@link #endsWithoutJdbcRoundTrip}): no worker thread, the commits are sent from the event loop.
     *
     * @return the commit that failed, or {@code null}
     */
    public Future<DatabaseException> completeWithoutWorker(int status) {
        return finishWithoutWorker(status);
    }

    /**
     * The response streams rows from this scope's connection: the filter hands the final status over, and the
     * transaction ends when the body has been written ({@link #completeAfterBody}).
     */
    public void deferUntilBodyWritten(int status) {
        deferredStatus = status;
    }

    /**
     * Ends the transaction deferred by {@link #deferUntilBodyWritten}: from its status when the body was written, by a
     * rollback when writing it failed.
     *
     * @return the commit that failed, or {@code null}
     */
    DatabaseException completeAfterBody(boolean written) {
        if (!written || deferredStatus < 0) {
            release();
            return null;
        }
        return finish(deferredStatus);
    }

    @Override
    boolean warnsOnUncommittedWork() {
        return true;
    }

    @Override
    public void onComplete(Throwable throwable) {
        if (isEnded()) {
            return;
        }
        Context context = Vertx.currentContext();
        if (Context.isOnEventLoopThread() && context != null && hasJdbcConnections()) {
            // a JDBC rollback is a blocking round trip: never on the event loop (the reactive client's needs no thread)
            context.executeBlocking(() -> {
                release();
                return null;
            }, false);
        } else {
            release();
        }
    }
}
