package io.quarkiverse.sqlspec.it;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkiverse.sqlspec.DbSession;
import io.quarkiverse.sqlspec.RowStream;

@Path("/users")
public class UserResource {

    public record User(long id, String name, String email) {
    }

    public record NewUser(String name, String email) {
    }

    @Inject
    DbSession db;

    @GET
    public List<User> list() {
        return db.select("SELECT id, name, email FROM users ORDER BY id LIMIT 10").all(User.class);
    }

    /** Every user, streamed as JSON while the rows are read: the memory of one batch, however many there are. */
    @GET
    @Path("/export")
    @Produces(MediaType.APPLICATION_JSON)
    public RowStream<User> export() {
        return db.stream(User.class, "SELECT id, name, email FROM users ORDER BY id");
    }

    @POST
    public Map<String, Object> create(NewUser user) {
        if (user == null || user.name() == null || user.email() == null) {
            throw BadRequests.because("name and email are required");
        }
        return db.execute("INSERT INTO users (name, email) VALUES ($1, $2) RETURNING id", user.name(), user.email())
                .one();
    }
}
