package io.quarkiverse.sqlspec.deployment.migration;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import jakarta.inject.Singleton;

import org.jboss.jandex.ClassType;

import io.quarkiverse.sqlspec.deployment.ApplicationSqlFiles;
import io.quarkiverse.sqlspec.deployment.DataSourceDialectBuildItem;
import io.quarkiverse.sqlspec.runtime.config.SqlSpecBuildTimeConfig;
import io.quarkiverse.sqlspec.runtime.database.DbSessions;
import io.quarkiverse.sqlspec.runtime.migration.Migration;
import io.quarkiverse.sqlspec.runtime.migration.MigrationRecorder;
import io.quarkiverse.sqlspec.runtime.migration.Migrations;
import io.quarkiverse.sqlspec.runtime.migration.MigrationsHealthCheck;
import io.quarkus.agroal.spi.JdbcDataSourceBuildItem;
import io.quarkus.arc.deployment.AdditionalBeanBuildItem;
import io.quarkus.arc.deployment.SyntheticBeanBuildItem;
import io.quarkus.arc.deployment.SyntheticBeansRuntimeInitBuildItem;
import io.quarkus.datasource.common.runtime.DataSourceUtil;
import io.quarkus.deployment.Capabilities;
import io.quarkus.deployment.Capability;
import io.quarkus.deployment.IsDevelopment;
import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.annotations.Consume;
import io.quarkus.deployment.annotations.ExecutionTime;
import io.quarkus.deployment.annotations.Record;
import io.quarkus.deployment.builditem.ApplicationArchivesBuildItem;
import io.quarkus.deployment.builditem.ApplicationInfoBuildItem;
import io.quarkus.deployment.builditem.ConsoleCommandBuildItem;
import io.quarkus.deployment.builditem.HotDeploymentWatchedFileBuildItem;
import io.quarkus.deployment.builditem.InitTaskBuildItem;
import io.quarkus.deployment.builditem.InitTaskCompletedBuildItem;
import io.quarkus.deployment.builditem.ServiceStartBuildItem;
import io.quarkus.deployment.builditem.nativeimage.NativeImageResourceBuildItem;
import io.quarkus.runtime.configuration.ConfigurationException;
import io.quarkus.smallrye.health.deployment.spi.HealthBuildItem;

/**
 * SQL migrations in SQLSpec's format: {@code db/migrations/<version>_<description>.sql} for the default datasource,
 * {@code db/migrations/<datasource>/...} for a named one. Read and checked at build time (a malformed file, a
 * duplicate version or a missing up block fails the build naming the file), applied at start-up where configured,
 * and operated through the database commands from a terminal, the dev console, the Dev UI and a Kubernetes init task.
 */
class MigrationProcessor {

    static final String DIRECTORY = "db/migrations";
    static final String INIT_TASK = "sqlspec";

    @BuildStep
    MigrationFilesBuildItem readMigrations(ApplicationArchivesBuildItem archives,
            List<JdbcDataSourceBuildItem> dataSources, List<DataSourceDialectBuildItem> dialects,
            BuildProducer<HotDeploymentWatchedFileBuildItem> watched,
            BuildProducer<NativeImageResourceBuildItem> resources) {
        Set<String> configured = new TreeSet<>();
        dataSources.forEach(dataSource -> configured.add(dataSource.getName()));
        Map<String, List<Migration>> byDataSource = new TreeMap<>();
        ApplicationSqlFiles.forEach(archives, DIRECTORY, (path, content) -> byDataSource
                .computeIfAbsent(dataSource(path, configured), name -> new ArrayList<>()).add(parse(path, content)));
        watched.produce(HotDeploymentWatchedFileBuildItem.builder()
                .setLocationPredicate(location -> location.startsWith(DIRECTORY + "/"))
                .build());
        Map<String, List<String>> files = new HashMap<>();
        for (DataSourceDialectBuildItem dialect : dialects) {
            List<Migration> found = byDataSource.get(dialect.dataSourceName());
            if (found != null && !dialect.dialect().supportsMigrations()) {
                throw new ConfigurationException("SQLSpec: " + found.get(0).file() + " is a migration for "
                        + (DataSourceUtil.isDefault(dialect.dataSourceName()) ? "the default datasource"
                                : "datasource '" + dialect.dataSourceName() + "'")
                        + ", whose database kind SQLSpec cannot migrate: migrations run on PostgreSQL and DuckDB."
                        + " Move the files, or run them with your database's own tool");
            }
        }
        byDataSource.forEach((dataSource, migrations) -> {
            migrations.sort(Comparator.comparing(Migration::version));
            for (int i = 1; i < migrations.size(); i++) {
                if (migrations.get(i).version().equals(migrations.get(i - 1).version())) {
                    throw new ConfigurationException("SQLSpec: migrations " + migrations.get(i - 1).file() + " and "
                            + migrations.get(i).file() + " have the same version " + migrations.get(i).version()
                            + ": give one of them the next version");
                }
            }
            List<String> paths = migrations.stream().map(Migration::file).toList();
            files.put(dataSource, paths);
            resources.produce(new NativeImageResourceBuildItem(paths));
        });
        return new MigrationFilesBuildItem(files);
    }

    @BuildStep
    @Record(ExecutionTime.RUNTIME_INIT)
    SyntheticBeanBuildItem migrationsBean(MigrationRecorder recorder, MigrationFilesBuildItem files,
            SqlSpecBuildTimeConfig config) {
        return SyntheticBeanBuildItem.configure(Migrations.class)
                .scope(Singleton.class)
                .unremovable()
                .setRuntimeInit()
                .addInjectionPoint(ClassType.create(DbSessions.class))
                .createWith(recorder.migrations(files.filesByDataSource(), config.httpSession().enabled()))
                .done();
    }

    /**
     * Before {@code StartupEvent}, so before the HTTP port opens: a terminal command ({@code quarkus.sqlspec.cli})
     * ends the process here; otherwise pending migrations are applied where {@code migrate-at-start} is on.
     */
    @BuildStep
    @Record(ExecutionTime.RUNTIME_INIT)
    @Consume(SyntheticBeansRuntimeInitBuildItem.class)
    ServiceStartBuildItem startActions(MigrationRecorder recorder,
            BuildProducer<InitTaskCompletedBuildItem> initTasks) {
        recorder.startActions();
        initTasks.produce(new InitTaskCompletedBuildItem(INIT_TASK));
        return new ServiceStartBuildItem("sqlspec-migrations");
    }

    /**
     * Like quarkus-flyway's: with quarkus-kubernetes, a job runs {@code upgrade} (the terminal command, which exits with
     * its code) before the application's pods start; they do not migrate themselves (off by default in production).
     */
    @BuildStep
    InitTaskBuildItem initTask(ApplicationInfoBuildItem app, MigrationFilesBuildItem files) {
        if (!files.any()) {
            return null;
        }
        return InitTaskBuildItem.create()
                .withName(app.getName() + "-" + INIT_TASK + "-init")
                .withTaskEnvVars(Map.of("QUARKUS_SQLSPEC_CLI", "upgrade"))
                .withSharedEnvironment(true)
                .withSharedFilesystem(true);
    }

    @BuildStep(onlyIf = IsDevelopment.class)
    @Record(ExecutionTime.RUNTIME_INIT)
    @Consume(SyntheticBeansRuntimeInitBuildItem.class)
    void devConsoleAction(MigrationRecorder recorder) {
        recorder.registerDevConsoleAction();
    }

    @BuildStep(onlyIf = IsDevelopment.class)
    ConsoleCommandBuildItem devConsoleCommand() {
        return new ConsoleCommandBuildItem(new DatabaseConsoleCommand());
    }

    @BuildStep
    void readinessCheck(Capabilities capabilities, SqlSpecBuildTimeConfig config, MigrationFilesBuildItem files,
            BuildProducer<HealthBuildItem> checks, BuildProducer<AdditionalBeanBuildItem> beans) {
        if (capabilities.isPresent(Capability.SMALLRYE_HEALTH) && files.any()) {
            beans.produce(AdditionalBeanBuildItem.unremovableOf(MigrationsHealthCheck.class));
            checks.produce(new HealthBuildItem(MigrationsHealthCheck.class.getName(), config.health().enabled()));
        }
    }

    private static String dataSource(String path, Set<String> configured) {
        String relative = path.substring(DIRECTORY.length() + 1);
        int slash = relative.indexOf('/');
        if (slash < 0) {
            return DataSourceUtil.DEFAULT_DATASOURCE_NAME;
        }
        String name = relative.substring(0, slash);
        if (relative.indexOf('/', slash + 1) >= 0 || !configured.contains(name)) {
            throw new ConfigurationException("SQLSpec: " + path + " is in folder '" + name + "', which is not a"
                    + " datasource: migrations of the default datasource go in " + DIRECTORY + "/, those of a named"
                    + " datasource in " + DIRECTORY + "/<name>/ (configured datasources: " + configured + ")");
        }
        return name;
    }

    private static Migration parse(String path, String content) {
        try {
            return Migration.parse(path, content);
        } catch (Migration.InvalidMigrationException e) {
            throw new ConfigurationException("SQLSpec: " + e.getMessage());
        }
    }
}
