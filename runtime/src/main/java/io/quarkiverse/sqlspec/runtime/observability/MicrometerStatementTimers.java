package io.quarkiverse.sqlspec.runtime.observability;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;

/**
 * Timer {@code sqlspec.statements}, tagged with {@code datasource}, {@code operation} and {@code outcome}
 * ({@code success} or {@code error}).
 */
public final class MicrometerStatementTimers implements StatementTimers {

    static final String NAME = "sqlspec.statements";

    private final ConcurrentMap<String, Timer> timers = new ConcurrentHashMap<>();

    @Override
    public void record(String datasource, String operation, long nanos, boolean failed) {
        String outcome = failed ? "error" : "success";
        timers.computeIfAbsent(datasource + '\u0000' + operation + '\u0000' + outcome,
                key -> Timer.builder(NAME)
                        .description("Statements run through SQLSpec")
                        .tag("datasource", datasource)
                        .tag("operation", operation.isEmpty() ? "OTHER" : operation)
                        .tag("outcome", outcome)
                        .register(Metrics.globalRegistry))
                .record(nanos, TimeUnit.NANOSECONDS);
    }
}
