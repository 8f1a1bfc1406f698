package io.quarkiverse.sqlspec.deployment;

import io.quarkiverse.sqlspec.runtime.sql.SqlDialect;
import io.quarkus.builder.item.MultiBuildItem;

/**
 * The kind of database one configured datasource talks to, as far as SQLSpec's behaviour depends on it.
 */
public final class DataSourceDialectBuildItem extends MultiBuildItem {

    private final String dataSourceName;
    private final SqlDialect dialect;

    public DataSourceDialectBuildItem(String dataSourceName, SqlDialect dialect) {
        this.dataSourceName = dataSourceName;
        this.dialect = dialect;
    }

    public String dataSourceName() {
        return dataSourceName;
    }

    public SqlDialect dialect() {
        return dialect;
    }
}
