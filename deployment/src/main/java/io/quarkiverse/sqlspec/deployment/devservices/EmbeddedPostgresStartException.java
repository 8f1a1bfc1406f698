package io.quarkiverse.sqlspec.deployment.devservices;

import io.quarkus.datasource.common.runtime.DataSourceUtil;

/**
 * The embedded PostgreSQL did not start. The message says why in the user's terms and what to do about it.
 */
final class EmbeddedPostgresStartException extends RuntimeException {

    EmbeddedPostgresStartException(EmbeddedDatabaseSpec spec, Throwable cause) {
        super(message(spec, cause), cause);
    }

    private static String message(EmbeddedDatabaseSpec spec, Throwable cause) {
        String name = spec.datasourceName();
        String datasource = DataSourceUtil.isDefault(name) ? "the default datasource" : "datasource '" + name + "'";
        String reason = reason(cause);
        StringBuilder message = new StringBuilder()
                .append("SQLSpec Dev Services could not start an embedded PostgreSQL for ").append(datasource)
                .append(": ").append(reason).append('.');
        if (reason.contains("root")) {
            message.append(" PostgreSQL refuses to run as root; SQLSpec starts it through 'unshare -U' when that"
                    + " command exists. Install util-linux (it provides unshare) or run the build as a non-root user.");
        }
        spec.fixedPort().ifPresent(port -> message.append(" Is port ").append(port).append(" already in use? It is set by ")
                .append(DataSourceUtil.dataSourcePropertyKey(name, "devservices.port")).append('.'));
        message.append(" To use an existing database instead, set ")
                .append(DataSourceUtil.dataSourcePropertyKey(name, "jdbc.url"))
                .append("; to turn these Dev Services off, set quarkus.sqlspec.devservices.enabled=false.");
        return message.toString();
    }

    private static String reason(Throwable cause) {
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String top = String.valueOf(cause.getMessage());
        return root == cause ? top : top + " (" + root.getMessage() + ")";
    }
}
