package io.quarkiverse.sqlspec.runtime.observability;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

import org.jboss.logging.MDC;

import io.smallrye.common.vertx.ContextLocals;
import io.smallrye.common.vertx.VertxContext;
import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;

/**
 * Gives every HTTP request (REST endpoints and plain Vert.x routes) a correlation id, before any other handler runs.
 * The id lives in the request's duplicated Vert.x context, so worker threads serving the request see it too.
 */
public final class CorrelationHandler implements Handler<RoutingContext> {

    public static final String MDC_KEY = "request_id";
    static final String CONTEXT_KEY = CorrelationHandler.class.getName();
    static final int MAX_LENGTH = 128;

    private final String[] headers;
    private final String responseHeader;

    public CorrelationHandler(List<String> headers, String responseHeader) {
        this.headers = headers.toArray(new String[0]);
        this.responseHeader = responseHeader;
    }

    @Override
    public void handle(RoutingContext routingContext) {
        String id = resolve(routingContext.request().headers());
        if (VertxContext.isOnDuplicatedContext()) {
            ContextLocals.put(CONTEXT_KEY, id);
        }
        MDC.put(MDC_KEY, id);
        routingContext.response().putHeader(responseHeader, id);
        routingContext.next();
    }

    public static String currentId() {
        return VertxContext.isOnDuplicatedContext() ? ContextLocals.<String> get(CONTEXT_KEY).orElse(null) : null;
    }

    String resolve(MultiMap requestHeaders) {
        for (String header : headers) {
            String value = requestHeaders.get(header);
            if (value != null) {
                String candidate = extract(header, value.trim());
                return isSafe(candidate) ? candidate : newId();
            }
        }
        return newId();
    }

    /** The id part of the trace headers that carry more than an id. */
    static String extract(String header, String value) {
        switch (header.toLowerCase(Locale.ROOT)) {
            case "traceparent": {
                // version-traceid-parentid-flags
                String[] parts = value.split("-");
                return parts.length == 4 ? parts[1] : value;
            }
            case "x-cloud-trace-context": {
                int slash = value.indexOf('/');
                return slash > 0 ? value.substring(0, slash) : value;
            }
            case "x-amzn-trace-id": {
                for (String part : value.split(";")) {
                    if (part.trim().startsWith("Root=")) {
                        return part.trim().substring("Root=".length());
                    }
                }
                return value;
            }
            default:
                return value;
        }
    }

    static boolean isSafe(String value) {
        if (value.isEmpty() || value.length() > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.'
                    || c == '_' || c == ':' || c == '-';
            if (!allowed) {
                return false;
            }
        }
        return true;
    }

    /** 128 random bits as 32 hex digits; an id only has to be unique, not secret. */
    static String newId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return hex(random.nextLong()) + hex(random.nextLong());
    }

    private static String hex(long bits) {
        String text = Long.toHexString(bits);
        return text.length() == 16 ? text : "0".repeat(16 - text.length()) + text;
    }
}
