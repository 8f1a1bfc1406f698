package io.quarkiverse.sqlspec.deployment.devservices;

import static io.quarkus.datasource.deployment.spi.DatabaseDefaultSetupConfig.DEFAULT_DATABASE_NAME;
import static io.quarkus.datasource.deployment.spi.DatabaseDefaultSetupConfig.DEFAULT_DATABASE_PASSWORD;
import static io.quarkus.datasource.deployment.spi.DatabaseDefaultSetupConfig.DEFAULT_DATABASE_USERNAME;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.quarkus.datasource.common.runtime.DataSourceUtil;
import io.quarkus.datasource.deployment.spi.DatasourceStartable;
import io.quarkus.datasource.deployment.spi.DevServicesDatasourceContainerConfig;
import io.quarkus.datasource.deployment.spi.DevServicesDatasourceProvider;
import io.quarkus.deployment.builditem.DevServicesComposeProjectBuildItem;
import io.quarkus.runtime.LaunchMode;

/**
 * Dev Services provider for {@code postgresql} backed by embedded PostgreSQL binaries (io.zonky.test).
 * <p>
 * The database name, user and password follow the same defaults and settings as the container provider
 * ({@code quarkus.datasource.devservices.db-name/username/password}, then {@code quarkus.datasource.username/password},
 * then {@code quarkus}); a named datasource gets a database named after it.
 */
final class EmbeddedPostgresDevServicesProvider implements DevServicesDatasourceProvider {

    static final String FEATURE = "sqlspec";
    /** The container provider's default; {@code quarkus.devservices.timeout} overrides it. */
    private static final Duration DEFAULT_STARTUP_TIMEOUT = Duration.ofSeconds(60);

    @Override
    public String getFeature() {
        return FEATURE;
    }

    @Override
    public DatasourceStartable createDatasourceStartable(Optional<String> username, Optional<String> password,
            String datasourceName, DevServicesDatasourceContainerConfig containerConfig, LaunchMode launchMode,
            boolean useSharedNetwork, Optional<Duration> startupTimeout) {
        String user = containerConfig.getUsername().orElse(username.orElse(DEFAULT_DATABASE_USERNAME));
        String secret = containerConfig.getPassword().orElse(password.orElse(DEFAULT_DATABASE_PASSWORD));
        String database = containerConfig.getDbName()
                .orElse(DataSourceUtil.isDefault(datasourceName) ? DEFAULT_DATABASE_NAME : datasourceName);
        return new EmbeddedPostgresStartable(new EmbeddedDatabaseSpec(datasourceName, database, user, secret,
                containerConfig.getFixedExposedPort(), containerConfig.getAdditionalJdbcUrlProperties(),
                containerConfig.getInitPrivilegedScriptPath().orElse(List.of()),
                containerConfig.getInitScriptPath().orElse(List.of()),
                startupTimeout.orElse(DEFAULT_STARTUP_TIMEOUT)));
    }

    @Override
    public Optional<RunningDevServicesDatasource> findRunningComposeDatasource(LaunchMode launchMode,
            boolean useSharedNetwork, DevServicesDatasourceContainerConfig containerConfig,
            DevServicesComposeProjectBuildItem composeProjectBuildItem) {
        // Compose files describe containers; an embedded server is never one of them.
        return Optional.empty();
    }

    @Override
    public boolean isDockerRequired() {
        return false;
    }
}
