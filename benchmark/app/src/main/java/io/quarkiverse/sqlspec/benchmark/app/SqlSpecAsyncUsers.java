package io.quarkiverse.sqlspec.benchmark.app;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import io.quarkiverse.sqlspec.DbSession;
import io.smallrye.mutiny.Uni;

/** SQLSpec from {@code Uni} endpoints through {@code db.async()}: the same statements as the reactive client's. */
@Path("/sqlspec-async/users")
public class SqlSpecAsyncUsers {

    @Inject
    DbSession db;

    @GET
    @Path("/{id}")
    public Uni<User> get(@PathParam("id") long id) {
        return db.async().selectOne(User.class, "SELECT id, name, email FROM users WHERE id = $1", id);
    }

    @POST
    public Uni<Long> create(NewUser user) {
        return db.async().selectValue(Long.class, "INSERT INTO users (name, email) VALUES ($1, $2) RETURNING id",
                user.name(), user.email());
    }
}
