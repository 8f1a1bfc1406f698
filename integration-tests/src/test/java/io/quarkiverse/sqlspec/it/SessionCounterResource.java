package io.quarkiverse.sqlspec.it;

import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

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

    /** Changes the session, then fails: the change must go where the request's data goes. */
    @POST
    @Path("/fails")
    public Response incrementThenFail() {
        increment();
        return Response.serverError().entity("failed after changing the session").build();
    }

    @POST
    public long increment() {
        long next = session.get("count", Long.class).orElse(0L) + 1;
        session.put("count", next);
        return next;
    }
}
