package io.quarkiverse.sqlspec.deployment;

import io.quarkiverse.sqlspec.RequestCorrelation;
import io.quarkiverse.sqlspec.runtime.SessionManagerRecorder;
import io.quarkus.arc.deployment.AdditionalBeanBuildItem;
import io.quarkus.arc.processor.DotNames;
import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.annotations.ExecutionTime;
import io.quarkus.deployment.annotations.Record;
import io.quarkus.deployment.builditem.RunTimeConfigurationDefaultBuildItem;
import io.quarkus.deployment.builditem.ShutdownListenerBuildItem;
import io.quarkus.vertx.http.deployment.FilterBuildItem;

/**
 * Request correlation on every HTTP route, and graceful shutdown: new requests refused, running ones finished.
 */
class ObservabilityProcessor {

    /** Above CORS (300) and authentication (200), so that even rejected requests carry an id. */
    static final int CORRELATION_PRIORITY = 400;

    /** How long in-flight requests may take to finish (and commit) when the application stops. */
    static final String DEFAULT_SHUTDOWN_TIMEOUT = "30s";

    @BuildStep
    AdditionalBeanBuildItem requestCorrelationBean() {
        return AdditionalBeanBuildItem.builder().addBeanClass(RequestCorrelation.class)
                .setDefaultScope(DotNames.SINGLETON).setUnremovable().build();
    }

    @BuildStep
    @Record(ExecutionTime.RUNTIME_INIT)
    FilterBuildItem correlationFilter(SessionManagerRecorder recorder) {
        return new FilterBuildItem(recorder.correlationHandler(), CORRELATION_PRIORITY);
    }

    /** The gate runs before everything else: a refused request needs nothing but its 503. */
    static final int SHUTDOWN_GATE_PRIORITY = 500;

    @BuildStep
    @Record(ExecutionTime.RUNTIME_INIT)
    void shutdownGate(SessionManagerRecorder recorder, BuildProducer<FilterBuildItem> filters,
            BuildProducer<ShutdownListenerBuildItem> listeners) {
        filters.produce(new FilterBuildItem(recorder.shutdownGateFilter(), SHUTDOWN_GATE_PRIORITY));
        listeners.produce(new ShutdownListenerBuildItem(recorder.shutdownGateListener()));
    }

    /**
     * Without {@code quarkus.shutdown.timeout}, Quarkus stops at once and in-flight requests lose their work. SQLSpec
     * promises that they finish and commit by their status, so it sets a default; the application can override it.
     */
    @BuildStep
    RunTimeConfigurationDefaultBuildItem gracefulShutdown() {
        return new RunTimeConfigurationDefaultBuildItem("quarkus.shutdown.timeout", DEFAULT_SHUTDOWN_TIMEOUT);
    }
}
