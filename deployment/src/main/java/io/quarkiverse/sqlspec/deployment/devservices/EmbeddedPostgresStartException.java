package io.quarkiverse.sqlspec.deployment.devservices;

/**
 * The embedded PostgreSQL did not start. The message says why in the user's terms and what to do about it.
 */
final class EmbeddedPostgresStartException extends RuntimeException {

    EmbeddedPostgresStartException(String datasourceName, Throwable cause) {
        super(message(datasourceName, cause), cause);
    }

    private static String message(String datasourceName, Throwable cause) {
        String datasource = io.quarkus.datasource.common.runtime.DataSourceUtil.isDefault(datasourceName)
                ? "the default datasource"
                : "datasource '" + datasourceName + "'";
        String reason = String.valueOf(rootCause(cause).getMessage());
        StringBuilder message = new StringBuilder()
                .append("SQLSpec Dev Services could not start an embedded PostgreSQL for ").append(datasource)
                .append(": ").append(reason).append('.');
        if (reason.contains("cannot be run as root") || reason.contains("root")) {
            message.append(" PostgreSQL refuses to run as root; SQLSpec runs it through 'unshare -U' when that"
                    + " command exists. Install util-linux (which provides unshare) or run the build as a non-root user.");
        }
        message.append(" To use an existing database instead, set ")
                .append(io.quarkus.datasource.common.runtime.DataSourceUtil.dataSourcePropertyKey(datasourceName,
                        "jdbc.url"))
                .append("; to turn these Dev Services off, set quarkus.sqlspec.devservices.enabled=false.");
        return message.toString();
    }

    private static Throwable rootCause(Throwable t) {
        Throwable current = t;
        while (current.getCause() != null && current.getCause() != current) {
            current = current.getCause();
        }
        return current;
    }
}
