package io.quarkiverse.sqlspec.deployment.duckdb;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import io.quarkus.datasource.common.runtime.DataSourceUtil;
import io.quarkus.datasource.deployment.spi.DatasourceStartable;
import io.quarkus.datasource.deployment.spi.DevServicesDatasourceContainerConfig;
import io.quarkus.datasource.deployment.spi.DevServicesDatasourceProvider;
import io.quarkus.deployment.builditem.DevServicesComposeProjectBuildItem;
import io.quarkus.runtime.LaunchMode;

/**
 * Dev Services for {@code duckdb}: a database file per datasource under the build directory, named after the
 * datasource ({@code quarkus.datasource."name".devservices.db-name} renames it). A file, not {@code jdbc:duckdb:},
 * because every pooled connection to a bare in-memory URL gets its own empty database.
 */
final class DuckDbDevServicesProvider implements DevServicesDatasourceProvider {

    private final Path directory;

    DuckDbDevServicesProvider(Path directory) {
        this.directory = directory;
    }

    @Override
    public String getFeature() {
        return "sqlspec";
    }

    @Override
    public DatasourceStartable createDatasourceStartable(Optional<String> username, Optional<String> password,
            String datasourceName, DevServicesDatasourceContainerConfig containerConfig, LaunchMode launchMode,
            boolean useSharedNetwork, Optional<Duration> startupTimeout) {
        String name = containerConfig.getDbName()
                .orElse(DataSourceUtil.isDefault(datasourceName) ? "default" : datasourceName);
        return new DuckDbFileStartable(datasourceName, directory.resolve(launchMode.getDefaultProfile())
                .resolve(name + ".duckdb"));
    }

    @Override
    public Optional<RunningDevServicesDatasource> findRunningComposeDatasource(LaunchMode launchMode,
            boolean useSharedNetwork, DevServicesDatasourceContainerConfig containerConfig,
            DevServicesComposeProjectBuildItem composeProjectBuildItem) {
        return Optional.empty();
    }

    @Override
    public boolean isDockerRequired() {
        return false;
    }
}
