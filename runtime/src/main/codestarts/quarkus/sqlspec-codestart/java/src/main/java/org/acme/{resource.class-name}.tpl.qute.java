package org.acme;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;

import io.quarkiverse.sqlspec.DbSession;

@Path("{resource.path}")
public class {resource.class-name} {

    public record Greeting(long id, String message) {
    }

    @Inject
    DbSession db;

    @GET
    public List<Greeting> list() {
        return db.select("SELECT id, message FROM greetings ORDER BY id").all(Greeting.class);
    }

    /** Committed because the response is 2xx; a 4xx or 5xx response rolls the insert back. */
    @POST
    @Consumes(MediaType.TEXT_PLAIN)
    public Greeting add(String message) {
        return db.execute("INSERT INTO greetings (message) VALUES ($1) RETURNING id, message", message)
                .one(Greeting.class);
    }
}
