package io.quarkiverse.sqlspec.test.sessions;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import io.quarkiverse.sqlspec.DbSession;
import io.quarkiverse.sqlspec.HttpSession;
import io.quarkiverse.sqlspec.SqlSpec;
import io.quarkus.runtime.StartupEvent;

/**
 * Writes a row and changes the session in one request, then ends as the path says.
 */
@Path("/session-tx")
public class SessionTxResource {

    @Inject
    DbSession db;

    @Inject
    HttpSession session;

    void createSchema(@Observes StartupEvent startup, SqlSpec sqlspec) {
        // deferred: a duplicate fails at COMMIT, after the response was built
        sqlspec.inTransaction(SqlSpec.DEFAULT_DATASOURCE, db -> db.executeScript("CREATE TABLE IF NOT EXISTS tx_marks"
                + " (marker text, CONSTRAINT tx_marks_unique UNIQUE (marker) DEFERRABLE INITIALLY DEFERRED)"));
    }

    @POST
    @Path("/{marker}/{outcome}")
    public Response act(@PathParam("marker") String marker, @PathParam("outcome") String outcome) {
        session.put("marker", marker);
        db.execute("INSERT INTO tx_marks (marker) VALUES ($1)", marker);
        switch (outcome) {
            case "duplicate" -> db.execute("INSERT INTO tx_marks (marker) VALUES ($1)", marker);
            case "commit" -> db.commit();
            default -> {
            }
        }
        return Response.status(outcome.equals("fail") ? 500 : 200).entity(marker).build();
    }

    @GET
    @Path("/marker")
    public String marker() {
        return session.get("marker", String.class).orElse("none");
    }
}
