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
        Context context = Vertx.currentContext();
        if (context != null && Context.isOnEventLoopThread()) {
            return Uni.createFrom().completionStage(() -> context.<T> executeBlocking(work::get, false)
                    .toCompletionStage());
        }
        return Uni.createFrom().item(work);
    }

    /**
     * For a RESTEasy Reactive filter: on a worker thread, runs {@code work} and hands its result to {@code then} at once
     * and returns {@code null}, which a filter returns to say it is done without suspending the request (no Mutiny
     * subscription, suspend and resume on every request); on the event loop, returns a Uni that does both on a worker.
     */
    public static <T> Uni<Void> inFilter(Supplier<T> work, Consumer<T> then) {
        Context context = Vertx.currentContext();
        if (context != null && Context.isOnEventLoopThread()) {
            return call(work).invoke(then).replaceWithVoid();
        }
        then.accept(work.get());
        return null;
    }
}
