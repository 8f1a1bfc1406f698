package io.quarkiverse.sqlspec;

import io.quarkus.arc.Arc;

/**
 * The correlation id of the current HTTP request: taken from the first present of the configured headers
 * ({@code X-Request-ID}, {@code X-Correlation-ID}, {@code traceparent}, ...), or new. It is echoed in the response, put
 * in the logging MDC as {@code request_id} and attached to every statement. Inject it, or call {@link #current()}.
 */
public interface RequestCorrelation {

    /**
     * The current request's correlation id, or {@code null} outside an HTTP request.
     */
    String id();

    /**
     * The current request's correlation id, or {@code null} outside an HTTP request; for code that cannot inject
     * {@link RequestCorrelation}.
     */
    static String current() {
        return Arc.container().instance(RequestCorrelation.class).get().id();
    }
}
