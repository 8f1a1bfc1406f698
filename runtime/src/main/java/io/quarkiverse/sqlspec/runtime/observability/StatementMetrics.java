package io.quarkiverse.sqlspec.runtime.observability;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Singleton;

import io.quarkus.runtime.metrics.MetricsFactory;

/**
 * Timer {@code sqlspec.statements}, tagged with {@code datasource}, {@code operation} and {@code outcome}
 * ({@code success} or {@code error}), in whatever metrics library the application has (through Quarkus's
 * {@link MetricsFactory}; a bean only when the application has one).
 */
@Singleton
public class StatementMetrics {

    static final String NAME = "sqlspec.statements";

    private final ConcurrentMap<String, MetricsFactory.TimeRecorder> timers = new ConcurrentHashMap<>();
    private volatile MetricsFactory factory;

    /** Called once the metrics library is ready (at runtime init). */
    void bind(MetricsFactory factory) {
        this.factory = factory;
    }

    void record(String datasource, String operation, long nanos, boolean failed) {
        MetricsFactory metrics = factory;
        if (metrics == null) {
            return;
        }
        String outcome = failed ? "error" : "success";
        timers.computeIfAbsent(datasource + '\u0000' + operation + '\u0000' + outcome,
                key -> metrics.builder(NAME)
                        .description("Statements run through SQLSpec")
                        .tag("datasource", datasource)
                        .tag("operation", operation.isEmpty() ? "OTHER" : operation)
                        .tag("outcome", outcome)
                        .buildTimer())
                .update(nanos, TimeUnit.NANOSECONDS);
    }
}
