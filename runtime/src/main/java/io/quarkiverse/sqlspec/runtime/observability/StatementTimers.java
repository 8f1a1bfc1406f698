package io.quarkiverse.sqlspec.runtime.observability;

/**
 * Records statement durations in a metrics library. The Micrometer implementation is loaded only when the application
 * has quarkus-micrometer.
 */
public interface StatementTimers {

    void record(String datasource, String operation, long nanos, boolean failed);
}
