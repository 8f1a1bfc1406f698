package io.quarkiverse.sqlspec.runtime.shutdown;

import jakarta.inject.Singleton;

import io.quarkiverse.sqlspec.runtime.http.ErrorBodies;
import io.quarkus.runtime.shutdown.ShutdownListener;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * Refuses new requests once the application is shutting down (503 with {@code Retry-After}, connection closed), while
 * the requests already running finish and commit within {@code quarkus.shutdown.timeout}. Quarkus itself keeps
 * accepting requests during that period; a request accepted then could be cut off at the deadline with its work half
 * done, so SQLSpec closes the door first.
 * <p>
 * One bean is both the route filter and the shutdown listener, so they share its state; every start of the
 * application (dev-mode restarts included) gets a new, open gate.
 */
@Singleton
public class ShutdownGate implements ShutdownListener, Handler<RoutingContext> {

    private volatile boolean closed;

    @Override
    public void shutdown(ShutdownNotification notification) {
        closed = true;
        notification.done();
    }

    @Override
    public void handle(RoutingContext routingContext) {
        if (!closed) {
            routingContext.next();
            return;
        }
        routingContext.response()
                .setStatusCode(503)
                .putHeader("Retry-After", "1")
                .putHeader("Connection", "close")
                .putHeader("Content-Type", "application/json")
                .end(ErrorBodies.json(503, "The server is shutting down", null));
    }
}
