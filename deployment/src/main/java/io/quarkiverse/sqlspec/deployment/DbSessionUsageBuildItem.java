package io.quarkiverse.sqlspec.deployment;

import io.quarkus.builder.item.MultiBuildItem;

/**
 * One datasource the application injects a {@code DbSession} or a {@code Connection} for: the beans to synthesize.
 */
public final class DbSessionUsageBuildItem extends MultiBuildItem {

    private final String dataSourceName;
    private final boolean dbSession;
    private final boolean connection;

    public DbSessionUsageBuildItem(String dataSourceName, boolean dbSession, boolean connection) {
        this.dataSourceName = dataSourceName;
        this.dbSession = dbSession;
        this.connection = connection;
    }

    public String dataSourceName() {
        return dataSourceName;
    }

    public boolean dbSession() {
        return dbSession;
    }

    public boolean connection() {
        return connection;
    }
}
