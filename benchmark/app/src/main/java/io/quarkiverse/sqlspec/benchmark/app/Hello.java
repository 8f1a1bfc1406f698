package io.quarkiverse.sqlspec.benchmark.app;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import io.quarkiverse.sqlspec.DbSession;
import io.quarkiverse.sqlspec.HttpSession;

/** No database (the HTTP ceiling), and the session scenarios: a server-side session read or written. */
@Path("/")
public class Hello {

    @Inject
    HttpSession session;

    @Inject
    DbSession db;

    @GET
    @Path("/hello")
    public String hello() {
        return "hello";
    }

    /** Signs a user in: run.sh creates the sessions the session variants use. */
    @POST
    @Path("/session/sqlspec")
    public long sessionVisit() {
        long visits = session.get("visits", Long.class).orElse(0L) + 1;
        session.put("visits", visits);
        return visits;
    }

    /** A request that only reads its session (session-read): one indexed SELECT, no write (renewals throttled). */
    @GET
    @Path("/session/visits")
    public long visits() {
        return session.get("visits", Long.class).orElse(0L);
    }

    /**
     * A request that only changes its session (session-write): the put is written without reading the session first,
     * one UPDATE in the request's transaction.
     */
    @POST
    @Path("/session/last-viewed/{id}")
    public long lastViewed(@PathParam("id") long id) {
        session.put("lastViewed", id);
        return id;
    }

    /** sqlspec-get for a signed-in user (signed-in-get): the GET's SELECT and the session's. */
    @GET
    @Path("/session/users/{id}")
    public User sessionRead(@PathParam("id") long id) {
        session.get("visits", Long.class);
        return db.selectOne(User.class, "SELECT id, name, email FROM users WHERE id = $1", id);
    }

    /** sqlspec-post for a signed-in user who also changes the session (signed-in-post): saved in the insert's transaction. */
    @POST
    @Path("/session/users")
    public long sessionWrite(NewUser user) {
        long id = db.execute("INSERT INTO users (name, email) VALUES ($1, $2) RETURNING id", user.name(), user.email())
                .scalar(Long.class);
        session.put("lastCreated", id);
        return id;
    }
}
