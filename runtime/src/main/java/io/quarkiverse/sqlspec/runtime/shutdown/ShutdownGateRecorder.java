package io.quarkiverse.sqlspec.runtime.shutdown;

import io.quarkus.arc.Arc;
import io.quarkus.runtime.annotations.Recorder;
import io.quarkus.runtime.shutdown.ShutdownListener;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * Records the shutdown gate as the first route filter and as a shutdown listener: the same bean in both places.
 */
@Recorder
public class ShutdownGateRecorder {

    public Handler<RoutingContext> filter() {
        return gate();
    }

    public ShutdownListener listener() {
        return gate();
    }

    private static ShutdownGate gate() {
        return Arc.container().instance(ShutdownGate.class).get();
    }
}
