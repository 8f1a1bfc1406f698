package io.quarkiverse.sqlspec.test.commit;

import java.net.URI;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import org.jboss.resteasy.reactive.ResponseStatus;

import io.quarkiverse.sqlspec.DbSession;
import io.quarkiverse.sqlspec.SqlSpec;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;

/**
 * Writes a marker row, then ends the request the way the path says: a status, an unmapped exception, or an exception
 * mapped to 422.
 */
@Path("/matrix")
public class MatrixResource {

    public static class MappedProblem extends RuntimeException {
    }

    @Provider
    public static class MappedProblemMapper implements ExceptionMapper<MappedProblem> {
        @Override
        public Response toResponse(MappedProblem exception) {
            return Response.status(422).entity("mapped").build();
        }
    }

    @Inject
    DbSession db;

    void createTable(@Observes StartupEvent startup, SqlSpec sqlspec) {
        sqlspec.inTransaction(SqlSpec.DEFAULT_DATASOURCE,
                s -> s.execute("CREATE TABLE IF NOT EXISTS marks (marker text PRIMARY KEY)"));
    }

    @POST
    @Path("/{marker}/{outcome}")
    public Response act(@PathParam("marker") String marker, @PathParam("outcome") String outcome) {
        mark(marker);
        switch (outcome) {
            case "unmapped":
                throw new IllegalStateException("an exception no mapper handles");
            case "mapped":
                throw new MappedProblem();
            case "commit-then-fail":
                db.commit();
                throw new IllegalStateException("after an explicit commit");
            default:
                return respond(Integer.parseInt(outcome));
        }
    }

    @POST
    @Path("/{marker}/plain")
    public String plain(@PathParam("marker") String marker) {
        mark(marker);
        return "plain";
    }

    @POST
    @Path("/{marker}/plain-null")
    public String plainNull(@PathParam("marker") String marker) {
        mark(marker);
        return null;
    }

    @POST
    @Path("/{marker}/annotated-201")
    @ResponseStatus(201)
    public String annotatedCreated(@PathParam("marker") String marker) {
        mark(marker);
        return "created";
    }

    @POST
    @Path("/{marker}/annotated-303")
    @ResponseStatus(303)
    public String annotatedSeeOther(@PathParam("marker") String marker) {
        mark(marker);
        return "see other";
    }

    /** The same outcomes from a {@code Uni} method: db.async() on the reactive client (JDBC for DuckDB). */
    @POST
    @Path("/async/{marker}/{outcome}")
    public Uni<Response> actAsync(@PathParam("marker") String marker, @PathParam("outcome") String outcome) {
        return db.async().execute("INSERT INTO marks (marker) VALUES ($1)", marker).map(ignored -> {
            switch (outcome) {
                case "unmapped":
                    throw new IllegalStateException("an exception no mapper handles");
                case "mapped":
                    throw new MappedProblem();
                default:
                    return respond(Integer.parseInt(outcome));
            }
        });
    }

    private void mark(String marker) {
        db.execute("INSERT INTO marks (marker) VALUES ($1)", marker);
    }

    private static Response respond(int status) {
        if (status == 204) {
            return Response.noContent().build();
        }
        if (status / 100 == 3) {
            return Response.status(status).location(URI.create("/elsewhere")).build();
        }
        return Response.status(status).entity("status " + status).build();
    }
}
