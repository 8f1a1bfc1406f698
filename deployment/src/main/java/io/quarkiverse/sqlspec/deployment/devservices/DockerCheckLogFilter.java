package io.quarkiverse.sqlspec.deployment.devservices;

import java.util.logging.Filter;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * In dev mode Quarkus lists the Dev Services for the console and the Dev UI on every start and live reload
 * ({@code io.quarkus.devservices.deployment.DevServicesProcessor#config}), and asks whether a container runtime is
 * available for each one, whether it runs a container or not ({@code DockerStatusBuildItem#isContainerRuntimeAvailable},
 * whose first strategy is Testcontainers' {@code DockerClientFactory#isDockerAvailable}). Without Docker, Testcontainers
 * logs that answer as an ERROR. The embedded PostgreSQL needs no container runtime, so that one record is lowered to
 * DEBUG, the way Quarkus's {@code LogCleanupFilter} lowers known messages (which it does only up to WARN, hence this
 * filter on the one logger). Installed again on every build, replacing the previous build's instance.
 */
final class DockerCheckLogFilter implements Filter {

    static final String LOGGER = "org.testcontainers.dockerclient.DockerClientProviderStrategy";
    static final String MESSAGE_START = "Could not find a valid Docker environment";

    private final Logger logger;

    private DockerCheckLogFilter(Logger logger) {
        this.logger = logger;
    }

    static void install() {
        Logger logger = Logger.getLogger(LOGGER);
        Filter current = logger.getFilter();
        // keep a filter someone else set; replace ours (a previous build's, from an older class loader)
        if (current == null || current.getClass().getName().equals(DockerCheckLogFilter.class.getName())) {
            logger.setFilter(new DockerCheckLogFilter(logger));
        }
    }

    @Override
    public boolean isLoggable(LogRecord record) {
        String message = record.getMessage();
        if (message == null || !message.startsWith(MESSAGE_START)) {
            return true;
        }
        record.setLevel(org.jboss.logmanager.Level.DEBUG);
        return logger.isLoggable(org.jboss.logmanager.Level.DEBUG);
    }
}
