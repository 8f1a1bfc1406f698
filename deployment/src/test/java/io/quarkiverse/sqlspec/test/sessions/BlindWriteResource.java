package io.quarkiverse.sqlspec.test.sessions;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import io.quarkiverse.sqlspec.HttpSession;
import io.quarkiverse.sqlspec.StatementEvent;

@Path("/blind")
public class BlindWriteResource {

    @Inject
    HttpSession session;

    @POST
    @Path("/login/{user}")
    public String login(@PathParam("user") String user) {
        session.put("user", user);
        return "ok";
    }

    /** Only writes: the session is never read. */
    @POST
    @Path("/put/{key}/{value}")
    public String put(@PathParam("key") String key, @PathParam("value") String value) {
        session.put(key, value);
        return "ok";
    }

    /** Only reads. */
    @POST
    @Path("/read/{key}")
    public String read(@PathParam("key") String key) {
        return String.valueOf(session.get(key));
    }

    /** Writes, then reads what it wrote and what was there. */
    @POST
    @Path("/put-then-read/{key}/{value}")
    public String putThenRead(@PathParam("key") String key, @PathParam("value") String value) {
        session.put(key, value);
        return session.get(key) + "," + session.get("user");
    }

    @ApplicationScoped
    public static class Statements {

        private final List<StatementEvent> events = new CopyOnWriteArrayList<>();

        void on(@Observes StatementEvent event) {
            events.add(event);
        }

        public List<String> of(String requestId) {
            return events.stream().filter(e -> requestId.equals(e.correlationId()))
                    .map(e -> e.operation() + " " + (e.sql().contains("sqlspec_sessions") ? "session" : "other"))
                    .toList();
        }
    }
}
