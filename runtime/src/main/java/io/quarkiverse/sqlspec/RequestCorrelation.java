package io.quarkiverse.sqlspec;

import io.quarkiverse.sqlspec.runtime.observability.CorrelationHandler;

/**
 * The correlation id of the current HTTP request: taken from the first present of the configured headers
 * ({@code X-Request-ID}, {@code X-Correlation-ID}, {@code traceparent}, ...), or new. It is echoed in the response, put
 * in the logging MDC as {@code request_id} and attached to every statement. Inject it, or call {@link #current()}.
 */
public class RequestCorrelation {

    /**
     * The current request's correlation id, or {@code null} outside an HTTP request.
     */
    public String id() {
        return current();
    }

    /**
     * The current request's correlation id, or {@code null} outside an HTTP request.
     */
    public static String current() {
        return CorrelationHandler.currentId();
    }
}
