package io.quarkiverse.sqlspec.it;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import io.quarkiverse.sqlspec.DbSession;
import io.quarkus.agroal.DataSource;

/**
 * One request, two databases, each through its own injected session.
 */
@Path("/combined-report")
public class ReportResource {

    public record Report(long users, long events) {
    }

    @Inject
    DbSession primary;

    @Inject
    @DataSource("analytics")
    DbSession analytics;

    @GET
    public Report report() {
        long users = primary.selectValue(Long.class, "SELECT count(*) FROM users");
        long events = analytics.selectValue(Long.class, "SELECT count(*) FROM events");
        return new Report(users, events);
    }
}
