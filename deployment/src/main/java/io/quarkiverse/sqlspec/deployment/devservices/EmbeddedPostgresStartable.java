package io.quarkiverse.sqlspec.deployment.devservices;

import java.util.Map;
import java.util.stream.Collectors;

import io.quarkus.datasource.deployment.spi.DatasourceStartable;

/**
 * One datasource's database on a (possibly shared) embedded PostgreSQL server. Quarkus's Dev Services decide when to
 * start and close it; closing releases the database, and the last database closed stops its server.
 */
final class EmbeddedPostgresStartable implements DatasourceStartable {

    private final EmbeddedDatabaseSpec spec;
    private volatile EmbeddedPostgresServer server;

    EmbeddedPostgresStartable(EmbeddedDatabaseSpec spec) {
        this.spec = spec;
    }

    @Override
    public void start() {
        server = EmbeddedPostgresServer.acquire(spec);
    }

    @Override
    public void close() {
        EmbeddedPostgresServer running = server;
        if (running != null) {
            server = null;
            running.release(spec);
        }
    }

    @Override
    public String getConnectionInfo() {
        return getEffectiveJdbcUrl();
    }

    @Override
    public String getContainerId() {
        EmbeddedPostgresServer running = server;
        // Not a container: Quarkus logs this id, so make it say what runs and where.
        return running == null ? null : "pg-" + running.port();
    }

    @Override
    public String getEffectiveJdbcUrl() {
        return "jdbc:postgresql://" + hostAndDatabase() + urlParameters();
    }

    @Override
    public String getReactiveUrl() {
        return "vertx-reactive:postgresql://" + hostAndDatabase();
    }

    @Override
    public String getUsername() {
        return spec.username();
    }

    @Override
    public String getPassword() {
        return spec.password();
    }

    private String hostAndDatabase() {
        EmbeddedPostgresServer running = server;
        if (running == null) {
            throw new IllegalStateException("The embedded PostgreSQL for datasource '" + spec.datasourceName()
                    + "' has not been started");
        }
        return EmbeddedPostgresServer.HOST + ":" + running.port() + "/" + spec.database();
    }

    private String urlParameters() {
        Map<String, String> properties = spec.jdbcUrlProperties();
        if (properties.isEmpty()) {
            return "";
        }
        return properties.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("&", "?", ""));
    }
}
