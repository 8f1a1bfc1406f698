package io.quarkiverse.sqlspec.runtime.http;

import java.util.function.Consumer;
import java.util.function.Supplier;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Runs blocking database work from code that may be on the event loop: there it moves to a worker thread and
 * completes back on the caller's context; on a worker it runs at once.
 */
public final class WorkerCalls {

    private WorkerCalls() {
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
