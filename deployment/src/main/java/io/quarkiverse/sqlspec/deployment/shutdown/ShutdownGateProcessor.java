package io.quarkiverse.sqlspec.deployment.shutdown;

import io.quarkiverse.sqlspec.runtime.shutdown.ShutdownGate;
import io.quarkiverse.sqlspec.runtime.shutdown.ShutdownGateRecorder;
import io.quarkus.arc.deployment.AdditionalBeanBuildItem;
import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.annotations.ExecutionTime;
import io.quarkus.deployment.annotations.Record;
import io.quarkus.deployment.builditem.RunTimeConfigurationDefaultBuildItem;
import io.quarkus.deployment.builditem.ShutdownListenerBuildItem;
import io.quarkus.deployment.builditem.nativeimage.ReflectiveClassBuildItem;
import io.quarkus.vertx.http.deployment.FilterBuildItem;

/**
 * Graceful shutdown: new requests refused, running ones finished and committed by their status.
 */
class ShutdownGateProcessor {

    /** The gate runs before every other filter: a refused request needs nothing but its 503. */
    static final int GATE_PRIORITY = 500;

    /** How long in-flight requests may take to finish (and commit) when the application stops. */
    static final String DEFAULT_SHUTDOWN_TIMEOUT = "30s";

    @BuildStep
    AdditionalBeanBuildItem shutdownGateBean() {
        return AdditionalBeanBuildItem.unremovableOf(ShutdownGate.class);
    }

    @BuildStep
    @Record(ExecutionTime.RUNTIME_INIT)
    void shutdownGate(ShutdownGateRecorder recorder, BuildProducer<FilterBuildItem> filters,
            BuildProducer<ShutdownListenerBuildItem> listeners) {
        filters.produce(new FilterBuildItem(recorder.filter(), GATE_PRIORITY));
        listeners.produce(new ShutdownListenerBuildItem(recorder.listener()));
    }

    /** What the gate reads of Vert.x and Netty to stop accepting connections before the server closes. */
    @BuildStep
    ReflectiveClassBuildItem httpListenerInternals() {
        return ReflectiveClassBuildItem.builder("io.vertx.core.net.impl.TCPServerBase",
                "io.netty.channel.nio.AbstractNioChannel", "io.netty.channel.nio.NioEventLoop")
                .fields().methods().build();
    }

    /**
     * Without {@code quarkus.shutdown.timeout}, Quarkus stops at once and in-flight requests lose their work. SQLSpec
     * promises that they finish and commit by their status, so it sets a default; the application can override it.
     */
    @BuildStep
    RunTimeConfigurationDefaultBuildItem gracefulShutdownTimeout() {
        return new RunTimeConfigurationDefaultBuildItem("quarkus.shutdown.timeout", DEFAULT_SHUTDOWN_TIMEOUT);
    }
}
