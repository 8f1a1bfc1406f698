package io.quarkiverse.sqlspec.test.request;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import io.quarkiverse.sqlspec.DbSession;
import io.quarkiverse.sqlspec.SqlSpec;
import io.quarkus.runtime.StartupEvent;

@Path("/jta")
public class JtaResource {

    @Inject
    DbSession db;

    void createTable(@Observes StartupEvent startup, SqlSpec sqlspec) {
        sqlspec.inTransaction(SqlSpec.DEFAULT_DATASOURCE,
                s -> s.execute("CREATE TABLE IF NOT EXISTS jta_marks (marker text)"));
    }

    /** JTA commits when the method returns, even though the response says 500. */
    @POST
    @Path("/returns-500/{marker}")
    @Transactional
    public Response returns500(@PathParam("marker") String marker) {
        db.execute("INSERT INTO jta_marks VALUES ($1)", marker);
        return Response.serverError().build();
    }

    /** JTA rolls back on the runtime exception, whatever SQLSpec's commit mode would say. */
    @POST
    @Path("/throws/{marker}")
    @Transactional
    public Response throwsAfterInsert(@PathParam("marker") String marker) {
        db.execute("INSERT INTO jta_marks VALUES ($1)", marker);
        throw new IllegalArgumentException("rolled back by JTA");
    }

    @POST
    @Path("/commit/{marker}")
    @Transactional
    public Response explicitCommit(@PathParam("marker") String marker) {
        db.execute("INSERT INTO jta_marks VALUES ($1)", marker);
        db.commit();
        return Response.ok().build();
    }
}
