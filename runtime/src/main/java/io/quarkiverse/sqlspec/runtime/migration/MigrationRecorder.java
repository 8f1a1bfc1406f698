package io.quarkiverse.sqlspec.runtime.migration;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkiverse.sqlspec.HttpSessionStore;
import io.quarkiverse.sqlspec.runtime.config.SqlSpecRuntimeConfig;
import io.quarkiverse.sqlspec.runtime.config.SqlSpecRuntimeConfig.DataSourceSessionConfig;
import io.quarkiverse.sqlspec.runtime.database.DbSessions;
import io.quarkus.agroal.runtime.AgroalDataSourceUtil;
import io.quarkus.arc.Arc;
import io.quarkus.arc.SyntheticCreationalContext;
import io.quarkus.dev.console.DevConsoleManager;
import io.quarkus.runtime.ApplicationLifecycleManager;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.PreventFurtherStepsException;
import io.quarkus.runtime.RuntimeValue;
import io.quarkus.runtime.annotations.Recorder;

/**
 * Records the migrations: the {@link Migrations} bean (files read from the application's resources, as found at build
 * time), what happens at start-up ({@code quarkus.sqlspec.cli} from a terminal, else migrate-at-start), and the
 * dev-console action.
 */
@Recorder
public class MigrationRecorder {

    /** The dev-console action that runs a command line; shared by the console command and tests. */
    public static final String DEV_CONSOLE_ACTION = "sqlspec.db";

    private static final Logger LOG = Logger.getLogger(MigrationRecorder.class);

    private final RuntimeValue<SqlSpecRuntimeConfig> config;

    @Inject
    public MigrationRecorder(RuntimeValue<SqlSpecRuntimeConfig> config) {
        this.config = config;
    }

    /**
     * @param files per datasource, the resource paths of its migration files
     */
    public Function<SyntheticCreationalContext<Migrations>, Migrations> migrations(Map<String, List<String>> files,
            boolean httpSessions) {
        return context -> {
            DbSessions dbSessions = context.getInjectedReference(DbSessions.class);
            Map<String, Migrator> migrators = new LinkedHashMap<>();
            for (String dataSource : dbSessions.names()) {
                List<String> paths = files.get(dataSource);
                if (paths != null && !paths.isEmpty()) {
                    List<Migration> migrations = new ArrayList<>();
                    paths.forEach(path -> migrations.add(Migration.parse(path, read(path))));
                    migrations.sort(Comparator.comparing(Migration::version));
                    migrators.put(dataSource, new Migrator(dataSource, dbSessions.dataSource(dataSource).dialect(),
                            dbSessions.dataSource(dataSource)::pool,
                            dbSessions.errors(), migrations));
                }
            }
            Optional<HttpSessionStore> sessions = httpSessions
                    ? Optional.of(Arc.container().instance(HttpSessionStore.class).get())
                    : Optional.empty();
            return new Migrations(migrators, new DatabaseCommands(migrators, dbSessions.names(), sessions,
                    Path.of(config.getValue().migrationSourceDirectory())));
        };
    }

    /**
     * In production, {@code quarkus.sqlspec.cli} runs a command and ends the process with its exit code before the
     * HTTP port opens; otherwise the datasources whose {@code migrate-at-start} is on are upgraded.
     */
    public void startActions() {
        SqlSpecRuntimeConfig runtimeConfig = config.getValue();
        Migrations migrations = Arc.container().instance(Migrations.class).get();
        if (runtimeConfig.cli().isPresent() && LaunchMode.current() == LaunchMode.NORMAL) {
            int exitCode = migrations.commands().run(runtimeConfig.cli().get(), System.out::println);
            System.out.flush();
            ApplicationLifecycleManager.exit(exitCode);
            throw new PreventFurtherStepsException("quarkus.sqlspec.cli ran, the application stops here", exitCode);
        }
        boolean devOrTest = LaunchMode.current().isDevOrTest();
        migrations.migrators().forEach((dataSource, migrator) -> {
            DataSourceSessionConfig dataSourceConfig = runtimeConfig.datasources().get(dataSource);
            boolean atStart = dataSourceConfig == null ? devOrTest
                    : dataSourceConfig.migrateAtStart().orElse(devOrTest);
            // an inactive datasource (no URL in production) is skipped, as quarkus-flyway skips it
            if (atStart && AgroalDataSourceUtil.dataSourceIfActive(dataSource).isPresent()) {
                migrator.upgrade("head", false, LOG::info);
            }
        });
    }

    /** Dev mode: the console command reaches the commands through {@link DevConsoleManager}. */
    public void registerDevConsoleAction() {
        DevConsoleManager.register(DEV_CONSOLE_ACTION, parameters -> {
            if (Arc.container() == null) {
                return Map.of("exitCode", "1", "output", "The application is not running (see its start-up error)");
            }
            StringBuilder output = new StringBuilder();
            int exitCode = Arc.container().instance(Migrations.class).get().commands()
                    .run(parameters.getOrDefault("args", ""), line -> output.append(line).append('\n'));
            return Map.of("exitCode", String.valueOf(exitCode), "output", output.toString());
        });
    }

    private static String read(String path) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("Migration " + path + " was found at build time but is missing from"
                        + " the application");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
