package io.quarkiverse.sqlspec.deployment.migration;

import java.util.List;
import java.util.Map;

import io.quarkus.builder.item.SimpleBuildItem;

/**
 * The application's migration files, checked: per datasource, their resource paths in version order.
 */
public final class MigrationFilesBuildItem extends SimpleBuildItem {

    private final Map<String, List<String>> filesByDataSource;

    public MigrationFilesBuildItem(Map<String, List<String>> filesByDataSource) {
        this.filesByDataSource = Map.copyOf(filesByDataSource);
    }

    public Map<String, List<String>> filesByDataSource() {
        return filesByDataSource;
    }

    public boolean any() {
        return !filesByDataSource.isEmpty();
    }
}
