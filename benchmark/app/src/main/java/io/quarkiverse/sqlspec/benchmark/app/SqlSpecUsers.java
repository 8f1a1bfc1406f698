package io.quarkiverse.sqlspec.benchmark.app;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import io.quarkiverse.sqlspec.DbSession;

/** SQLSpec in autocommit mode: what a user writes. */
@Path("/sqlspec/users")
public class SqlSpecUsers {

    @Inject
    DbSession db;

    @GET
    @Path("/{id}")
    public User get(@PathParam("id") long id) {
        return db.selectOne(User.class, "SELECT id, name, email FROM users WHERE id = $1", id);
    }

    @POST
    public long create(NewUser user) {
        return db.execute("INSERT INTO users (name, email) VALUES ($1, $2) RETURNING id", user.name(), user.email())
                .scalar(Long.class);
    }
}
