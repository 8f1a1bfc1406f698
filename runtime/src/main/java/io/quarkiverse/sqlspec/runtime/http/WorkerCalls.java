package io.quarkiverse.sqlspec.runtime.http;

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
}
