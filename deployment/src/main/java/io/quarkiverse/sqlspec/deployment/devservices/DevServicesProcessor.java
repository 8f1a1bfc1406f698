package io.quarkiverse.sqlspec.deployment.devservices;

import io.quarkiverse.sqlspec.runtime.config.SqlSpecBuildTimeConfig;
import io.quarkus.datasource.common.runtime.DatabaseKind;
import io.quarkus.datasource.deployment.spi.DevServicesDatasourceProviderBuildItem;
import io.quarkus.deployment.IsDevServicesSupportedByLaunchMode;
import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.annotations.BuildSteps;
import io.quarkus.deployment.builditem.LaunchModeBuildItem;
import io.quarkus.deployment.dev.devservices.DevServicesConfig;
import io.quarkus.deployment.logging.LogCleanupFilterBuildItem;
import io.quarkus.runtime.LaunchMode;

/**
 * Plugs a PostgreSQL provider that needs no container runtime into Quarkus's datasource Dev Services.
 * <p>
 * Quarkus's own pipeline (DevServicesDatasourceProcessor) keeps deciding when a datasource needs a Dev Service (no URL,
 * not disabled, active), injects the URL and credentials, reuses the server across live reloads and test classes, and
 * stops it with the application. Only the way the server is started changes. The stock container provider is
 * excluded from the application by the runtime's extension descriptor, so there is exactly one provider for
 * {@code postgresql}.
 */
@BuildSteps(onlyIf = { IsDevServicesSupportedByLaunchMode.class, DevServicesConfig.Enabled.class })
class DevServicesProcessor {

    @BuildStep
    void registerEmbeddedPostgres(SqlSpecBuildTimeConfig config, LaunchModeBuildItem launchMode,
            BuildProducer<DevServicesDatasourceProviderBuildItem> providers,
            BuildProducer<LogCleanupFilterBuildItem> logCleanupFilters) {
        if (config.devservices().enabled()) {
            providers.produce(new DevServicesDatasourceProviderBuildItem(DatabaseKind.POSTGRESQL,
                    new EmbeddedPostgresDevServicesProvider()));
            if (launchMode.getLaunchMode() == LaunchMode.DEVELOPMENT) {
                // Quarkus's Docker check in dev mode (see DockerCheckLogFilter): its ERROR, and the INFO lines before it
                DockerCheckLogFilter.install();
                logCleanupFilters.produce(new LogCleanupFilterBuildItem("org.testcontainers.DockerClientFactory",
                        "Testcontainers version:"));
                logCleanupFilters.produce(new LogCleanupFilterBuildItem(
                        "org.testcontainers.dockerclient.DockerMachineClientProviderStrategy",
                        "docker-machine executable was not found on PATH"));
            }
        }
    }
}
