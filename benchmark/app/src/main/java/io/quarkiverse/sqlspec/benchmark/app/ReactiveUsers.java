package io.quarkiverse.sqlspec.benchmark.app;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowIterator;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The Vert.x reactive PostgreSQL client, what Quarkus users pick for the fastest database access: prepared queries,
 * {@code Uni} endpoints on the event loop, no worker thread.
 */
@Path("/reactive/users")
public class ReactiveUsers {

    private static final String FIND = "SELECT id, name, email FROM users WHERE id = $1";
    private static final String INSERT = "INSERT INTO users (name, email) VALUES ($1, $2) RETURNING id";

    @Inject
    Pool client;

    @GET
    @Path("/{id}")
    public Uni<User> get(@PathParam("id") long id) {
        return client.preparedQuery(FIND).execute(Tuple.of(id)).map(rows -> {
            RowIterator<Row> iterator = rows.iterator();
            if (!iterator.hasNext()) {
                throw new NotFoundException();
            }
            Row row = iterator.next();
            return new User(row.getLong(0), row.getString(1), row.getString(2));
        });
    }

    /** Auto-commit: one round trip, no transaction around the insert. */
    @POST
    public Uni<Long> create(NewUser user) {
        return client.preparedQuery(INSERT).execute(Tuple.of(user.name(), user.email()))
                .map(rows -> rows.iterator().next().getLong(0));
    }

    /** The guarantee SQLSpec gives every write: BEGIN, INSERT, COMMIT, rolled back when anything fails. */
    @POST
    @Path("/tx")
    public Uni<Long> createInTransaction(NewUser user) {
        return client.withTransaction(connection -> connection.preparedQuery(INSERT)
                .execute(Tuple.of(user.name(), user.email())).map(rows -> rows.iterator().next().getLong(0)));
    }
}
