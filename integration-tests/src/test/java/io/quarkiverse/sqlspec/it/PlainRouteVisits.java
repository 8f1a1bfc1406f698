package io.quarkiverse.sqlspec.it;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.quarkiverse.sqlspec.HttpSession;
import io.vertx.ext.web.Router;

/**
 * Test-only plain Vert.x route (no Quarkus REST) using the session.
 */
@ApplicationScoped
public class PlainRouteVisits {

    @Inject
    HttpSession session;

    void routes(@Observes Router router) {
        router.get("/test/plain-visits").blockingHandler(routingContext -> {
            long visits = session.get("visits", Long.class).orElse(0L) + 1;
            session.put("visits", visits);
            routingContext.response().end(String.valueOf(visits));
        });
    }
}
