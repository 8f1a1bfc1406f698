package io.quarkiverse.sqlspec.deployment.observability;

import java.util.Optional;

import jakarta.inject.Singleton;

import org.jboss.jandex.ClassType;
import org.jboss.jandex.DotName;

import io.quarkiverse.sqlspec.StatementEvent;
import io.quarkiverse.sqlspec.runtime.observability.ObservabilityRecorder;
import io.quarkiverse.sqlspec.runtime.observability.RequestCorrelationBean;
import io.quarkiverse.sqlspec.runtime.observability.StatementEvents;
import io.quarkiverse.sqlspec.runtime.observability.StatementMetrics;
import io.quarkus.arc.deployment.AdditionalBeanBuildItem;
import io.quarkus.arc.deployment.BeanDiscoveryFinishedBuildItem;
import io.quarkus.arc.deployment.SyntheticBeanBuildItem;
import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.annotations.ExecutionTime;
import io.quarkus.deployment.annotations.Record;
import io.quarkus.deployment.metrics.MetricsCapabilityBuildItem;
import io.quarkus.deployment.metrics.MetricsFactoryConsumerBuildItem;
import io.quarkus.runtime.metrics.MetricsFactory;
import io.quarkus.vertx.http.deployment.FilterBuildItem;

/**
 * Request correlation on every HTTP route; statement events (log lines, slow-query warnings, the recent-statements
 * ring, CDI events) and their metrics.
 */
class ObservabilityProcessor {

    /** Above CORS (300) and authentication (200), so that even rejected requests carry an id. */
    static final int CORRELATION_PRIORITY = 400;

    static final DotName STATEMENT_EVENT = DotName.createSimple(StatementEvent.class.getName());

    @BuildStep
    AdditionalBeanBuildItem requestCorrelationBean() {
        return AdditionalBeanBuildItem.unremovableOf(RequestCorrelationBean.class);
    }

    @BuildStep
    @Record(ExecutionTime.RUNTIME_INIT)
    FilterBuildItem correlationFilter(ObservabilityRecorder recorder) {
        return new FilterBuildItem(recorder.correlationHandler(), CORRELATION_PRIORITY);
    }

    @BuildStep
    @Record(ExecutionTime.RUNTIME_INIT)
    SyntheticBeanBuildItem statementEvents(ObservabilityRecorder recorder, BeanDiscoveryFinishedBuildItem beans,
            Optional<MetricsCapabilityBuildItem> metricsCapability) {
        boolean observed = beans.getObservers().stream()
                .anyMatch(observer -> STATEMENT_EVENT.equals(observer.getObservedType().name()));
        boolean metrics = hasMetrics(metricsCapability);
        SyntheticBeanBuildItem.ExtendedBeanConfigurator bean = SyntheticBeanBuildItem.configure(StatementEvents.class)
                .scope(Singleton.class)
                .unremovable()
                .setRuntimeInit()
                .createWith(recorder.statementEvents(observed, metrics));
        if (metrics) {
            bean.addInjectionPoint(ClassType.create(StatementMetrics.class));
        }
        return bean.done();
    }

    @BuildStep
    void statementMetrics(Optional<MetricsCapabilityBuildItem> metricsCapability,
            BuildProducer<AdditionalBeanBuildItem> beans) {
        if (hasMetrics(metricsCapability)) {
            beans.produce(AdditionalBeanBuildItem.unremovableOf(StatementMetrics.class));
        }
    }

    @BuildStep
    @Record(ExecutionTime.RUNTIME_INIT)
    void bindStatementMetrics(ObservabilityRecorder recorder, Optional<MetricsCapabilityBuildItem> metricsCapability,
            BuildProducer<MetricsFactoryConsumerBuildItem> consumers) {
        if (hasMetrics(metricsCapability)) {
            consumers.produce(new MetricsFactoryConsumerBuildItem(recorder.statementMetrics()));
        }
    }

    private static boolean hasMetrics(Optional<MetricsCapabilityBuildItem> capability) {
        return capability.isPresent() && capability.get().metricsSupported(MetricsFactory.MICROMETER);
    }
}
