package io.quarkiverse.sqlspec.test.observability;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import io.quarkiverse.sqlspec.DbSession;
import io.quarkiverse.sqlspec.RequestCorrelation;
import io.quarkiverse.sqlspec.SqlSpec;
import io.quarkiverse.sqlspec.StatementEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;

@Path("/observed")
public class ObservedResource {

    @ApplicationScoped
    public static class Collector {
        private final List<StatementEvent> events = new CopyOnWriteArrayList<>();

        void on(@Observes StatementEvent event) {
            events.add(event);
        }

        /** A method, not a field: the test holds a client proxy. */
        public List<StatementEvent> events() {
            return events;
        }
    }

    @Inject
    DbSession db;

    @Inject
    RequestCorrelation correlation;

    void createTable(@Observes StartupEvent startup, SqlSpec sqlspec) {
        sqlspec.inTransaction(SqlSpec.DEFAULT_DATASOURCE,
                s -> s.execute("CREATE TABLE IF NOT EXISTS observed (note text)"));
    }

    @GET
    @Path("/id")
    public String id() {
        return correlation.id();
    }

    @POST
    @Path("/write/{note}")
    public String write(@PathParam("note") String note) {
        db.execute("INSERT INTO observed (note) VALUES ($1)", note);
        return db.selectValue(String.class, "SELECT note FROM observed WHERE note = $1", note);
    }

    @GET
    @Path("/slow")
    public String slow() {
        return db.selectValue(String.class, "SELECT pg_sleep(0.3)::text || $1", "slept");
    }

    @GET
    @Path("/broken")
    public String broken() {
        return db.selectValue(String.class, "SELECT * FROM missing_table");
    }

    @GET
    @Path("/activity/{id}")
    public String activity(@PathParam("id") long id) {
        return db.selectValue(String.class, "SELECT query FROM pg_stat_activity WHERE pid = pg_backend_pid() AND $1 > 0",
                id);
    }

    /** The same through db.async(): on the reactive client when the application has it. */
    @GET
    @Path("/activity-async/{id}")
    public Uni<String> activityAsync(@PathParam("id") long id) {
        return db.async().selectValue(String.class,
                "SELECT query FROM pg_stat_activity WHERE pid = pg_backend_pid() AND $1 > 0", id);
    }
}
