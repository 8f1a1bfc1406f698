package io.quarkiverse.sqlspec.runtime.blocking;

import java.util.function.Consumer;
import java.util.function.Supplier;

import io.quarkiverse.sqlspec.exception.SqlSpecException;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Keeps blocking database work off the Vert.x event loop: moves it to a worker thread (completing back on the caller's
 * context) when called there, runs it at once on a worker, and fails fast where blocking is a mistake.
 */
public final class WorkerCalls {

    private WorkerCalls() {
    }

    /**
     * Fails when called on an event loop thread, where a JDBC round trip would stall every request sharing that
     * thread.
     *
     * @param what what was called, for example {@code "DbSession (<default>)"}
     * @param fix what to do instead
     */
    public static void refuseEventLoop(String what, String fix) {
        if (Context.isOnEventLoopThread()) {
            throw new SqlSpecException(what + " was called on a Vert.x event loop thread, where blocking database calls"
                    + " would stall the server. " + fix);
        }
    }

    public static <T> Uni<T> call(Supplier<T> work) {
        Context eventLoop = eventLoopContext();
        return eventLoop == null ? Uni.createFrom().item(work) : onWorker(eventLoop, work);
    }

    /**
     * For a RESTEasy Reactive filter: on a worker thread, runs {@code work} and hands its result to {@code then} at once
     * and returns {@code null}, which a filter returns to say it is done without suspending the request (no Mutiny
     * subscription, suspend and resume on every request); on the event loop, returns a Uni that does both on a worker.
     */
    public static <T> Uni<Void> inFilter(Supplier<T> work, Consumer<T> then) {
        Context eventLoop = eventLoopContext();
        if (eventLoop != null) {
            return onWorker(eventLoop, work).invoke(then).replaceWithVoid();
        }
        then.accept(work.get());
        return null;
    }

    /** The caller's context when it runs on the event loop, else {@code null}. */
    private static Context eventLoopContext() {
        Context context = Vertx.currentContext();
        return context != null && Context.isOnEventLoopThread() ? context : null;
    }

    private static <T> Uni<T> onWorker(Context eventLoop, Supplier<T> work) {
        return Uni.createFrom()
                .completionStage(() -> eventLoop.<T> executeBlocking(work::get, false).toCompletionStage());
    }
}
