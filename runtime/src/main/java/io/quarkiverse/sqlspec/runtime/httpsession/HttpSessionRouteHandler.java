package io.quarkiverse.sqlspec.runtime.httpsession;

import io.smallrye.common.vertx.ContextLocals;
import io.smallrye.common.vertx.VertxContext;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * Makes the request's routing context reachable from the threads that serve it (REST endpoints and plain Vert.x
 * routes alike), so that {@code HttpSession} finds its cookie and keeps its state there. Reads nothing from the
 * database: sessions load on first use.
 */
public final class HttpSessionRouteHandler implements Handler<RoutingContext> {

    static final String ROUTING_CONTEXT = HttpSessionRouteHandler.class.getName();

    @Override
    public void handle(RoutingContext routingContext) {
        if (VertxContext.isOnDuplicatedContext()) {
            ContextLocals.put(ROUTING_CONTEXT, routingContext);
        }
        routingContext.next();
    }

    static RoutingContext current() {
        return VertxContext.isOnDuplicatedContext()
                ? ContextLocals.<RoutingContext> get(ROUTING_CONTEXT).orElse(null)
                : null;
    }
}
