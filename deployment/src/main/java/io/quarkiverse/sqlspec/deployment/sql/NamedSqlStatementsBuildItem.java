package io.quarkiverse.sqlspec.deployment.sql;

import java.util.Map;

import io.quarkus.builder.item.SimpleBuildItem;

/**
 * The application's named SQL statements, by name.
 */
public final class NamedSqlStatementsBuildItem extends SimpleBuildItem {

    private final Map<String, String> statements;

    public NamedSqlStatementsBuildItem(Map<String, String> statements) {
        this.statements = Map.copyOf(statements);
    }

    public Map<String, String> statements() {
        return statements;
    }
}
