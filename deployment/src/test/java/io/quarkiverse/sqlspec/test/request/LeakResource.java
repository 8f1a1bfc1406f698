package io.quarkiverse.sqlspec.test.request;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import io.quarkiverse.sqlspec.DbSession;
import io.quarkiverse.sqlspec.SqlSpec;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;

/**
 * Every way a request can end, for the leak test.
 */
@Path("/leak")
public class LeakResource {

    @Inject
    DbSession db;

    void createTable(@Observes StartupEvent startup, SqlSpec sqlspec) {
        sqlspec.inTransaction(SqlSpec.DEFAULT_DATASOURCE,
                s -> s.execute("CREATE TABLE IF NOT EXISTS leak_marks (kind text, n int)"));
    }

    @POST
    @Path("/{kind}/{n}")
    public Response act(@PathParam("kind") String kind, @PathParam("n") int n) {
        db.execute("INSERT INTO leak_marks (kind, n) VALUES ($1, $2)", kind, n);
        switch (kind) {
            case "ok":
                return Response.ok("ok").build();
            case "bad-request":
                return Response.status(400).build();
            case "boom":
                throw new IllegalStateException("unmapped");
            case "bad-sql":
                db.execute("SELECT * FROM no_such_table");
                return Response.ok().build();
            case "slow":
                db.select("SELECT pg_sleep(0.2)").all();
                return Response.ok("slow").build();
            case "unconsumed":
                db.select("SELECT generate_series(1, 100)");
                return Response.ok("not read").build();
            default:
                return Response.status(404).build();
        }
    }

    @GET
    @Path("/async/{n}")
    public Uni<Long> async(@PathParam("n") int n) {
        return db.async().selectValue(Long.class, "SELECT count(*) FROM leak_marks WHERE n = $1", n);
    }
}
