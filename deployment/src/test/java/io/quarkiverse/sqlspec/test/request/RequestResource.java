package io.quarkiverse.sqlspec.test.request;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.quarkiverse.sqlspec.DbSession;
import io.quarkiverse.sqlspec.SqlSpec;
import io.quarkus.agroal.DataSource;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;

@Path("/request")
public class RequestResource {

    /** A second bean with its own injected session: it must share the request's connection. */
    @ApplicationScoped
    public static class Repository {
        @Inject
        DbSession db;

        int backendPid() {
            return db.selectValue(Integer.class, "SELECT pg_backend_pid()");
        }
    }

    /** A request filter using the registry: same connection again. */
    public static class PidFilter {
        @Inject
        SqlSpec sqlspec;

        @ServerRequestFilter
        public void remember(ContainerRequestContext request) {
            if (request.getUriInfo().getPath().endsWith("/pids")) {
                request.setProperty("filterPid",
                        sqlspec.session().selectValue(Integer.class, "SELECT pg_backend_pid()"));
            }
        }
    }

    @Inject
    DbSession db;

    @Inject
    Repository repository;

    @Inject
    Connection connection;

    @Inject
    @DataSource("audit")
    DbSession audit;

    void createTables(@Observes StartupEvent startup, SqlSpec sqlspec) {
        sqlspec.inTransaction(SqlSpec.DEFAULT_DATASOURCE, s -> s.executeScript("""
                CREATE TABLE IF NOT EXISTS parents (id int PRIMARY KEY);
                CREATE TABLE IF NOT EXISTS children (
                    id int PRIMARY KEY,
                    parent_id int REFERENCES parents (id) DEFERRABLE INITIALLY DEFERRED);
                CREATE TABLE IF NOT EXISTS notes (body text);
                """));
        sqlspec.inTransaction("audit", s -> s.execute("CREATE TABLE IF NOT EXISTS audit_log (body text)"));
        sqlspec.inTransaction(SqlSpec.DEFAULT_DATASOURCE, s -> s.execute(
                "CREATE OR REPLACE FUNCTION remember(note text) RETURNS text LANGUAGE sql AS"
                        + " 'INSERT INTO notes (body) VALUES (note) RETURNING body'"));
    }

    @GET
    @Path("/pids")
    public Map<String, Integer> pids(@jakarta.ws.rs.core.Context ContainerRequestContext request) throws Exception {
        Map<String, Integer> pids = new LinkedHashMap<>();
        pids.put("resource", db.selectValue(Integer.class, "SELECT pg_backend_pid()"));
        pids.put("repository", repository.backendPid());
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            pids.put("connection", rs.getInt(1));
        }
        pids.put("filter", (Integer) request.getProperty("filterPid"));
        return pids;
    }

    /** The foreign key is checked at COMMIT, after the resource returned 201. */
    @POST
    @Path("/orphan/{id}")
    public Response orphan(@PathParam("id") int id) {
        db.execute("INSERT INTO children (id, parent_id) VALUES ($1, -1)", id);
        return Response.status(201).entity("created").build();
    }

    /** Writes to both datasources; each ends by its own commit mode. */
    @POST
    @Path("/both/{body}")
    public String both(@PathParam("body") String body) {
        db.execute("INSERT INTO notes (body) VALUES ($1)", body);
        audit.execute("INSERT INTO audit_log (body) VALUES ($1)", body);
        return "ok";
    }

    @POST
    @Path("/async/{body}/{status}")
    public Uni<Response> async(@PathParam("body") String body, @PathParam("status") int status) {
        return db.async().execute("INSERT INTO notes (body) VALUES ($1)", body)
                .map(result -> Response.status(status).entity("rows " + result.rowsAffected()).build());
    }

    @GET
    @Path("/async-count/{body}")
    public Uni<Long> asyncCount(@PathParam("body") String body) {
        return db.async().selectValue(Long.class, "SELECT count(*) FROM notes WHERE body = $1", body);
    }

    /**
     * Two reads run in auto-commit, each in its own implicit transaction: now() (the transaction's start) differs.
     * Inside one transaction it would be the same for both.
     */
    @GET
    @Path("/reads")
    public boolean readsRunWithoutATransaction() {
        String first = db.selectValue(String.class, "SELECT now()::text");
        String second = db.selectValue(String.class, "SELECT now()::text");
        return !first.equals(second);
    }

    /** A SELECT that writes through a function is a write: it is in the transaction and rolled back with the 400. */
    @POST
    @Path("/select-that-writes/{body}")
    public Response selectThatWrites(@PathParam("body") String body) {
        db.selectValue(String.class, "SELECT remember($1)", body);
        return Response.status(400).build();
    }

    static volatile io.quarkiverse.sqlspec.SqlResult leftOver;

    /** Keeps a result past the end of its request (a bug the extension must report clearly). */
    @POST
    @Path("/keep-result")
    public String keepResult() {
        leftOver = db.select("SELECT 1");
        return "kept";
    }

    @GET
    @Path("/read-kept-result")
    public String readKeptResult() {
        return String.valueOf(leftOver.scalar());
    }

    /** Blocking API on the event loop: must fail fast, not stall the loop. */
    @GET
    @Path("/blocking-on-event-loop")
    public Uni<Long> blockingOnEventLoop() {
        return Uni.createFrom().item(db.selectValue(Long.class, "SELECT 1"));
    }
}
