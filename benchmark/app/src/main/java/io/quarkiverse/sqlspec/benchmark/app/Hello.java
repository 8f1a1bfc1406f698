package io.quarkiverse.sqlspec.benchmark.app;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

import io.quarkiverse.sqlspec.HttpSession;

/** No database (the HTTP ceiling), and the session scenario: read and update a server-side session, or none. */
@Path("/")
public class Hello {

    @Inject
    HttpSession session;

    @GET
    @Path("/hello")
    public String hello() {
        return "hello";
    }

    @POST
    @Path("/session/sqlspec")
    public long sessionVisit() {
        long visits = session.get("visits", Long.class).orElse(0L) + 1;
        session.put("visits", visits);
        return visits;
    }

    @POST
    @Path("/session/none")
    public long noSession() {
        return 1;
    }
}
