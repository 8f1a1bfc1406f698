package io.quarkiverse.sqlspec.runtime.migration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready when every datasource with migrations has applied them all, unchanged: an instance whose database lacks a
 * migration (or has one whose file changed since) should not take traffic. Registered with quarkus-smallrye-health,
 * unless {@code quarkus.sqlspec.health.enabled=false}.
 */
@Readiness
@ApplicationScoped
public class MigrationsHealthCheck implements HealthCheck {

    @Inject
    Migrations migrations;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("SQLSpec migrations").up();
        migrations.migrators().forEach((dataSource, migrator) -> {
            try {
                MigrationStatus status = migrator.status();
                response.withData(dataSource, (status.current() == null ? "none applied" : "at " + status.current())
                        + ", " + status.pending().size() + " pending, " + status.modified().size() + " modified");
                if (!status.upToDate()) {
                    response.down();
                }
            } catch (RuntimeException e) {
                response.withData(dataSource, "unknown: " + e.getMessage()).down();
            }
        });
        return response.build();
    }
}
