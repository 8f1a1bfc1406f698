package io.quarkiverse.sqlspec.deployment.duckdb;

import java.util.List;
import java.util.function.BooleanSupplier;

import org.jboss.logging.Logger;

import io.quarkiverse.sqlspec.deployment.DataSourceDialectBuildItem;
import io.quarkiverse.sqlspec.runtime.config.SqlSpecBuildTimeConfig;
import io.quarkiverse.sqlspec.runtime.jdbc.DuckDbConnectionConfigurer;
import io.quarkiverse.sqlspec.runtime.sql.SqlDialect;
import io.quarkus.agroal.spi.JdbcDriverBuildItem;
import io.quarkus.arc.deployment.AdditionalBeanBuildItem;
import io.quarkus.bootstrap.classloading.QuarkusClassLoader;
import io.quarkus.datasource.deployment.spi.DevServicesDatasourceConfigurationHandlerBuildItem;
import io.quarkus.datasource.deployment.spi.DevServicesDatasourceProviderBuildItem;
import io.quarkus.deployment.IsDevServicesSupportedByLaunchMode;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.annotations.BuildSteps;
import io.quarkus.deployment.annotations.Produce;
import io.quarkus.deployment.dev.devservices.DevServicesConfig;
import io.quarkus.deployment.pkg.builditem.ArtifactResultBuildItem;
import io.quarkus.deployment.pkg.builditem.OutputTargetBuildItem;
import io.quarkus.deployment.pkg.steps.NativeOrNativeSourcesBuild;

/**
 * DuckDB as a database kind of its own, {@code quarkus.datasource."name".db-kind=duckdb}, when the application has
 * DuckDB's JDBC driver ({@code org.duckdb:duckdb_jdbc}): Agroal finds the driver from the kind, and Dev Services give
 * a DuckDB datasource without a URL a database file under the build directory, as they give a PostgreSQL one a
 * server. The extension itself does not depend on DuckDB.
 */
@BuildSteps(onlyIf = DuckDbProcessor.DriverPresent.class)
class DuckDbProcessor {

    private static final Logger LOG = Logger.getLogger(DuckDbProcessor.class);

    static final class DriverPresent implements BooleanSupplier {
        @Override
        public boolean getAsBoolean() {
            return QuarkusClassLoader.isClassPresentAtRuntime(SqlDialect.DUCKDB_DRIVER);
        }
    }

    @BuildStep
    JdbcDriverBuildItem driver() {
        // no XA data source: DuckDB takes part in JTA transactions as a last resource, like any non-XA driver
        return new JdbcDriverBuildItem(SqlDialect.DUCKDB_KIND, SqlDialect.DUCKDB_DRIVER);
    }

    @BuildStep
    AdditionalBeanBuildItem connectionConfigurer() {
        return AdditionalBeanBuildItem.unremovableOf(DuckDbConnectionConfigurer.class);
    }

    @BuildStep
    DevServicesDatasourceConfigurationHandlerBuildItem devServicesConfiguration() {
        return DevServicesDatasourceConfigurationHandlerBuildItem.jdbc(SqlDialect.DUCKDB_KIND);
    }

    @BuildStep(onlyIf = { IsDevServicesSupportedByLaunchMode.class, DevServicesConfig.Enabled.class })
    DevServicesDatasourceProviderBuildItem devServices(SqlSpecBuildTimeConfig config, OutputTargetBuildItem output) {
        if (!config.devservices().enabled()) {
            return null;
        }
        return new DevServicesDatasourceProviderBuildItem(SqlDialect.DUCKDB_KIND,
                new DuckDbDevServicesProvider(output.getOutputDirectory().resolve("sqlspec-duckdb")));
    }

    /** DuckDB is a JNI library; SQLSpec has not verified it in a native executable (no GraalVM on its CI). */
    @BuildStep(onlyIf = NativeOrNativeSourcesBuild.class)
    @Produce(ArtifactResultBuildItem.class) // a warning only: runs whenever the native artifact is built
    void nativeNotVerified(List<DataSourceDialectBuildItem> dialects) {
        dialects.stream().filter(dialect -> dialect.dialect() == SqlDialect.DUCKDB).findFirst()
                .ifPresent(dialect -> LOG.warnf("Datasource '%s' is a DuckDB datasource: DuckDB's JDBC driver is a JNI"
                        + " library that SQLSpec has not verified in native executables. Test the native executable,"
                        + " or run this application in JVM mode", dialect.dataSourceName()));
    }
}
