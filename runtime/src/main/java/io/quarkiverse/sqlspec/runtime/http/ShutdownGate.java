package io.quarkiverse.sqlspec.runtime.http;

import io.quarkus.runtime.shutdown.ShutdownListener;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * Refuses new requests once the application is shutting down (503 with {@code Retry-After}, connection closed), while
 * the requests already running finish and commit within {@code quarkus.shutdown.timeout}. Quarkus itself keeps
 * accepting requests during that period; a request accepted then could be cut off at the deadline with its work half
 * done, so SQLSpec closes the door first.
 */
public final class ShutdownGate implements ShutdownListener, Handler<RoutingContext> {

    /**
     * One gate: the route filter and the shutdown listener must share its state. This class lives in the extension's
     * runtime jar, which dev mode does not reload, so every start opens the gate again ({@link #open()}).
     */
    public static final ShutdownGate INSTANCE = new ShutdownGate();

    private volatile boolean closed;

    private ShutdownGate() {
    }

    /** Called at every application start, including dev-mode restarts after a shutdown closed the gate. */
    public ShutdownGate open() {
        closed = false;
        return this;
    }

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
                .end(ErrorBodies.json("Service Unavailable", "The server is shutting down", null));
    }
}
