package io.quarkiverse.sqlspec.deployment.devservices;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * What one datasource asks of the embedded server: its database, its login, where it wants the server and which
 * scripts to run once the database exists.
 */
record EmbeddedDatabaseSpec(
        String datasourceName,
        String database,
        String username,
        String password,
        OptionalInt fixedPort,
        Map<String, String> jdbcUrlProperties,
        List<String> privilegedInitScripts,
        List<String> initScripts,
        Duration startupTimeout) {
}
