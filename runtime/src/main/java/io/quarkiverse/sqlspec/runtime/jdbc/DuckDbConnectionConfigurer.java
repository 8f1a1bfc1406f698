package io.quarkiverse.sqlspec.runtime.jdbc;

import java.util.Map;

import io.agroal.api.configuration.supplier.AgroalDataSourceConfigurationSupplier;
import io.quarkiverse.sqlspec.runtime.sql.SqlDialect;
import io.quarkus.agroal.runtime.AgroalConnectionConfigurer;
import io.quarkus.agroal.runtime.JdbcDriver;

/**
 * Agroal's settings for DuckDB datasources. DuckDB runs in this process: there is no network connection to lose or
 * to encrypt, so neither an exception sorter nor SSL applies (without this bean Agroal warns about both).
 */
@JdbcDriver(SqlDialect.DUCKDB_KIND)
public class DuckDbConnectionConfigurer implements AgroalConnectionConfigurer {

    @Override
    public void disableSslSupport(String databaseKind, AgroalDataSourceConfigurationSupplier dataSourceConfiguration,
            Map<String, String> additionalJdbcProperties) {
        // nothing to disable: DuckDB has no network protocol
    }

    @Override
    public void setExceptionSorter(String databaseKind, AgroalDataSourceConfigurationSupplier dataSourceConfiguration) {
        // an embedded connection stays usable after an error: nothing to sort
    }
}
