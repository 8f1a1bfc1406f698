package io.quarkiverse.sqlspec.test.streaming;

import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.quarkiverse.sqlspec.DbSession;
import io.quarkiverse.sqlspec.RowStream;
import io.quarkiverse.sqlspec.SqlSpec;

@Path("/rows")
public class StreamResource {

    public record Row(long id, String label) {
    }

    @Inject
    DbSession db;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public RowStream<Row> export(@QueryParam("count") int count) {
        return db.stream(Row.class, "SELECT g AS id, 'row ' || g AS label FROM generate_series(1, $1) g", count);
    }

    @GET
    @Path("/lines")
    @Produces("application/x-ndjson")
    public RowStream<Map<String, Object>> lines(@QueryParam("count") int count) {
        return db.stream("SELECT g AS id FROM generate_series(1, $1) g", count);
    }

    /** Fails at row {@code failAt}: after rows were sent when it is large. */
    @GET
    @Path("/failing")
    @Produces(MediaType.APPLICATION_JSON)
    public RowStream<Row> failing(@QueryParam("count") int count, @QueryParam("failAt") int failAt) {
        return db.stream(Row.class, "SELECT g AS id, 'row ' || (1 / (g - $2)) AS label FROM generate_series(1, $1) g",
                count, failAt);
    }

    /** A write, then rows: the write is committed once the rows are written. */
    @POST
    @Path("/audited")
    @Produces(MediaType.APPLICATION_JSON)
    public RowStream<Row> audited(@QueryParam("count") int count, @QueryParam("note") String note) {
        db.execute("INSERT INTO exports (note) VALUES ($1)", note);
        return export(count);
    }

    /** A write whose deferred constraint fails at the commit, after the rows were sent. */
    @POST
    @Path("/unsaved")
    @Produces(MediaType.APPLICATION_JSON)
    public RowStream<Row> unsaved(@QueryParam("count") int count) {
        db.execute("INSERT INTO deferred_checks (n) VALUES (1), (1)");
        return export(count);
    }

    @Inject
    SqlSpec sqlspec;

    /** Opened in a transaction of its own, which ends before the body is written: refused with a clear error. */
    @GET
    @Path("/from-transaction")
    @Produces(MediaType.APPLICATION_JSON)
    public RowStream<Row> fromTransaction() {
        return sqlspec.transaction(session -> session.stream(Row.class, "SELECT 1 AS id, 'one' AS label"));
    }

    /** Reads only the first rows of a series far too large to hold: possible only with a cursor. */
    @GET
    @Path("/first")
    public long firstOfHuge() {
        try (RowStream<Long> huge = db.stream(Long.class, "SELECT generate_series(1, 2000000000)")) {
            return huge.stream().limit(3).mapToLong(Long::longValue).sum();
        }
    }
}
