package io.quarkiverse.sqlspec.runtime.config;

import io.quarkus.runtime.annotations.ConfigDocSection;
import io.quarkus.runtime.annotations.ConfigPhase;
import io.quarkus.runtime.annotations.ConfigRoot;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Build-time configuration of the SQLSpec extension.
 */
@ConfigMapping(prefix = "quarkus.sqlspec")
@ConfigRoot(phase = ConfigPhase.BUILD_TIME)
public interface SqlSpecBuildTimeConfig {

    /**
     * Dev Services: a PostgreSQL server started from embedded binaries, without Docker.
     */
    @ConfigDocSection
    DevServices devservices();

    /**
     * Server-side HTTP sessions stored in the database.
     */
    @ConfigDocSection
    HttpSessionBuildTimeConfig httpSession();

    /**
     * Health checks (with quarkus-smallrye-health).
     */
    @ConfigDocSection
    Health health();

    interface Health {

        /**
         * Whether a readiness check per datasource with migrations reports pending migrations, and migrations whose
         * file changed after they were applied, as DOWN.
         */
        @WithDefault("true")
        boolean enabled();
    }

    interface HttpSessionBuildTimeConfig {

        /**
         * Whether SQLSpec keeps server-side HTTP sessions in a database table (a session cookie on responses, the
         * session injectable as {@code HttpSession}).
         */
        @WithDefault("false")
        boolean enabled();
    }

    interface DevServices {

        /**
         * Whether SQLSpec starts a PostgreSQL server from embedded binaries, in dev and test mode,
         * for every PostgreSQL datasource that has no JDBC URL configured, and gives every DuckDB datasource
         * ({@code db-kind=duckdb}) without a URL a database file under the build directory. No container runtime is
         * needed.
         * <p>
         * When disabled, no Dev Services are started for PostgreSQL and DuckDB datasources: configure
         * {@code quarkus.datasource.jdbc.url} (or {@code quarkus.datasource."name".jdbc.url}) instead.
         * The standard {@code quarkus.datasource.devservices.*} settings (enabled, db-name, username, password,
         * port, init-script-path, properties) apply to the embedded server as they do to a container.
         */
        @WithDefault("true")
        boolean enabled();
    }
}
