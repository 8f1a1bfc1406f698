package io.quarkiverse.sqlspec.test.errors;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import io.quarkiverse.sqlspec.DbSession;
import io.quarkiverse.sqlspec.SqlSpec;
import io.quarkiverse.sqlspec.exception.DatabaseException;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;

/**
 * Each way a request can fail in the database, or misuse SQLSpec, with a secret value in the data.
 */
@Path("/errors")
public class ErrorResource {

    static final String SECRET = "top-secret-4242";

    @Inject
    DbSession db;

    void createSchema(@Observes StartupEvent startup, SqlSpec sqlspec) {
        sqlspec.inTransaction(SqlSpec.DEFAULT_DATASOURCE, db -> {
            db.executeScript("""
                    CREATE TABLE IF NOT EXISTS secrets (id int PRIMARY KEY, label text NOT NULL, secret text,
                        amount int CHECK (amount >= 0), email text UNIQUE)""");
            db.execute("INSERT INTO secrets (id, label, email) VALUES (1, 'first', $1) ON CONFLICT DO NOTHING",
                    "taken@example.com");
        });
    }

    @POST
    @Path("/{kind}")
    public String fail(@PathParam("kind") String kind) {
        switch (kind) {
            case "not-null" -> db.execute("INSERT INTO secrets (id, label, secret) VALUES (2, $1, $2)", null, SECRET);
            case "check" -> db.execute("INSERT INTO secrets (id, label, secret, amount) VALUES (3, $1, $2, -1)", SECRET,
                    SECRET);
            case "unique" -> db.execute("INSERT INTO secrets (id, label, email) VALUES (4, 'l', $1)", "taken@example.com");
            case "data" -> db.selectValue(Integer.class, "SELECT $1::int", SECRET);
            case "nul" -> db.execute("INSERT INTO secrets (id, label) VALUES (5, $1)", "a\u0000" + SECRET);
            case "batch" -> db.executeMany("INSERT INTO secrets (id, label) VALUES ($1, $2)",
                    List.of(new Object[] { 10, "fine" }, new Object[] { 11, null }, new Object[] { 12, SECRET }));
            case "parameters" -> db.execute("INSERT INTO secrets (id, label) VALUES ($1, $2)", 6);
            case "bad-sql" -> db.execute("INSERT INTO no_such_table VALUES ($1)", SECRET);
            default -> throw new IllegalArgumentException(kind);
        }
        return "unexpected success";
    }

    /** A blocking call on the event loop: a programming mistake, answered in the same shape. */
    @GET
    @Path("/event-loop")
    public Uni<String> onTheEventLoop() {
        return Uni.createFrom().item(() -> db.selectValue(String.class, "SELECT 'never'"));
    }

    /** Everything the application can read of an error, to check it carries no row values. */
    @POST
    @Path("/messages/{kind}")
    public List<String> messages(@PathParam("kind") String kind) {
        try {
            fail(kind);
            return List.of();
        } catch (DatabaseException e) {
            List<String> messages = new ArrayList<>();
            for (Throwable t = e; t != null; t = t.getCause()) {
                messages.add(String.valueOf(t.getMessage()));
                if (t instanceof SQLException sql && sql.getNextException() != null) {
                    messages.add(String.valueOf(sql.getNextException().getMessage()));
                }
            }
            db.rollback();
            return messages;
        }
    }
}
