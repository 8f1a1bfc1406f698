package io.quarkiverse.sqlspec.runtime.shutdown;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

import io.quarkiverse.sqlspec.runtime.http.ErrorBodies;
import io.quarkus.arc.Arc;
import io.quarkus.runtime.shutdown.ShutdownListener;
import io.vertx.core.Context;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.RoutingContext;

/**
 * Graceful shutdown at the door: once the application is stopping, no new request starts work, the requests already
 * running finish and commit within {@code quarkus.shutdown.timeout}, and every client gets either a complete response
 * or a refused connection — never a connection reset in the middle of an exchange.
 * <p>
 * Quarkus keeps accepting requests while it waits for the running ones, then closes the HTTP server in one step, which
 * resets whatever is in flight at that instant. So, when shutdown begins, the gate:
 * <ol>
 * <li>holds the requests that arrive (closed-loop clients stop sending: each waits for its answer), until none has
 * arrived for {@value #SETTLE_MILLIS} ms, at most {@value #MAX_HOLD_MILLIS} ms;</li>
 * <li>stops accepting connections ({@link HttpListeners}): new ones are refused from then on;</li>
 * <li>answers the held requests, and any later request on an open connection, with 503 and {@code Retry-After},
 * reading the request body first and closing the connection after the response is written.</li>
 * </ol>
 * One bean is both the route filter and the shutdown listener, so they share its state; every start of the application
 * (dev-mode restarts included) gets a new, open gate.
 */
@Singleton
public class ShutdownGate implements ShutdownListener, Handler<RoutingContext> {

    private static final Logger LOG = Logger.getLogger(ShutdownGate.class);
    static final long SETTLE_MILLIS = 50;
    static final long MAX_HOLD_MILLIS = 1000;
    /** How long the listener waits for the answers it sent to be written. */
    private static final long MAX_ANSWER_MILLIS = 2000;

    private final Queue<Held> held = new ConcurrentLinkedQueue<>();
    private final AtomicInteger answering = new AtomicInteger();
    private volatile boolean closed;
    private volatile boolean holding;
    private volatile long lastArrival;

    @Override
    public void handle(RoutingContext request) {
        if (!closed) {
            request.next();
            return;
        }
        lastArrival = System.nanoTime();
        answering.incrementAndGet();
        HttpServerRequest http = request.request();
        // an unread body would make the close send a reset, and the client lose the 503
        if (http.isEnded()) {
            holdOrAnswer(request);
        } else {
            http.endHandler(ended -> holdOrAnswer(request));
            http.resume();
        }
    }

    /** A request waiting for the listening sockets to close, with the context its answer must be written on. */
    private record Held(RoutingContext request, Context context) {
    }

    private void holdOrAnswer(RoutingContext request) {
        if (holding) {
            Held waiting = new Held(request, Vertx.currentContext());
            held.add(waiting);
            // checked again: the listener thread may have emptied the queue in between
            if (holding || !held.remove(waiting)) {
                return; // the listener thread answers it
            }
        }
        refuse(request);
    }

    private void refuse(RoutingContext request) {
        HttpServerRequest http = request.request();
        request.response()
                .setStatusCode(503)
                .putHeader("Retry-After", "1")
                .putHeader("Content-Type", "application/json");
        if (http.version() != HttpVersion.HTTP_2) {
            request.response().putHeader("Connection", "close");
        }
        request.response().end(ErrorBodies.json(503, "The server is shutting down", null)).onComplete(written -> {
            if (http.version() != HttpVersion.HTTP_2) {
                http.connection().close(); // Connection: close alone does not close it in Vert.x 4
            }
            answering.decrementAndGet();
        });
    }

    @Override
    public void shutdown(ShutdownNotification notification) {
        holding = true;
        lastArrival = System.nanoTime();
        closed = true;
        Thread door = new Thread(() -> {
            try {
                closeTheDoor();
            } catch (RuntimeException | InterruptedException e) {
                LOG.debugf(e, "Closing the door at shutdown was cut short");
            } finally {
                notification.done();
            }
        }, "sqlspec-shutdown-gate");
        door.setDaemon(true);
        door.start();
    }

    private void closeTheDoor() throws InterruptedException {
        long started = System.nanoTime();
        while (System.nanoTime() - lastArrival < TimeUnit.MILLISECONDS.toNanos(SETTLE_MILLIS)
                && System.nanoTime() - started < TimeUnit.MILLISECONDS.toNanos(MAX_HOLD_MILLIS)) {
            Thread.sleep(5);
        }
        int managementPort = managementPort();
        // looked up now: the gate is created while runtime initialization runs, before the Vertx bean exists
        HttpListeners.stopAccepting(Arc.container().instance(Vertx.class).get(), port -> port != managementPort);
        holding = false;
        for (Held waiting; (waiting = held.poll()) != null;) {
            Held answered = waiting;
            if (answered.context() == null) {
                refuse(answered.request());
            } else {
                answered.context().runOnContext(ignored -> refuse(answered.request()));
            }
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(MAX_ANSWER_MILLIS);
        while (answering.get() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
    }

    /** The management interface is another server with its own lifecycle: its port is left alone. */
    private static int managementPort() {
        var config = ConfigProvider.getConfig();
        boolean enabled = config.getOptionalValue("quarkus.management.enabled", Boolean.class).orElse(false);
        return enabled ? config.getOptionalValue("quarkus.management.port", Integer.class).orElse(9000) : -1;
    }
}
