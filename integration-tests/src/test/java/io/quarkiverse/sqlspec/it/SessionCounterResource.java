package io.quarkiverse.sqlspec.it;

import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

import io.quarkiverse.sqlspec.HttpSession;

/**
 * Test-only endpoint that writes to the session on every call (for the concurrency test).
 */
@Path("/test/session-counter")
public class SessionCounterResource {

    @Inject
    HttpSession session;

    @POST
    @Path("/oversized")
    public String oversized() {
        session.put("blob", "x".repeat(2 * 1024 * 1024));
        return "stored?";
    }

    @POST
    public long increment() {
        long next = session.get("count", Long.class).orElse(0L) + 1;
        session.put("count", next);
        return next;
    }
}
