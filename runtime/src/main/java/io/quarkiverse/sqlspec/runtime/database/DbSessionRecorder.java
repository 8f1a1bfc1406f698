package io.quarkiverse.sqlspec.runtime.database;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;

import io.agroal.api.AgroalDataSource;
import io.quarkiverse.sqlspec.DbSession;
import io.quarkiverse.sqlspec.SqlSpec;
import io.quarkiverse.sqlspec.runtime.config.SqlSpecRuntimeConfig;
import io.quarkiverse.sqlspec.runtime.config.SqlSpecRuntimeConfig.AsyncDriver;
import io.quarkiverse.sqlspec.runtime.config.SqlSpecRuntimeConfig.DataSourceSessionConfig;
import io.quarkiverse.sqlspec.runtime.jdbc.SqlExceptions;
import io.quarkiverse.sqlspec.runtime.observability.StatementEvents;
import io.quarkiverse.sqlspec.runtime.reactive.ReactivePools;
import io.quarkiverse.sqlspec.runtime.sql.SqlDialect;
import io.quarkiverse.sqlspec.runtime.sql.StatementCache;
import io.quarkus.agroal.runtime.AgroalDataSourceUtil;
import io.quarkus.arc.ActiveResult;
import io.quarkus.arc.ClientProxy;
import io.quarkus.arc.SyntheticCreationalContext;
import io.quarkus.datasource.common.runtime.DataSourceUtil;
import io.quarkus.runtime.RuntimeValue;
import io.quarkus.runtime.annotations.Recorder;
import io.quarkus.runtime.configuration.ConfigurationException;

/**
 * Records the database-access beans: {@link DbSessions} (the validated settings of every datasource, in commit
 * order), and per datasource the {@link DbSession} and the request {@link Connection}, plus {@link SqlSpec}. A
 * configuration mistake fails startup with the property to change.
 */
@Recorder
public class DbSessionRecorder {

    private final RuntimeValue<SqlSpecRuntimeConfig> config;

    @Inject
    public DbSessionRecorder(RuntimeValue<SqlSpecRuntimeConfig> config) {
        this.config = config;
    }

    /**
     * @param dataSources the configured datasources, in commit order (the default one first)
     * @param dialects the kind of database of each datasource, by name
     * @param jtaAvailable whether the application has JTA (then {@link TransactionSynchronizationRegistry} is a bean)
     * @param reactiveClientAvailable whether the application has quarkus-reactive-pg-client (then db.async() may run
     *        on its pools)
     */
    public Function<SyntheticCreationalContext<DbSessions>, DbSessions> dbSessions(List<String> dataSources,
            Map<String, SqlDialect> dialects, boolean jtaAvailable, boolean reactiveClientAvailable) {
        return context -> {
            SqlSpecRuntimeConfig runtimeConfig = config.getValue();
            Map<String, DataSourceSessionConfig> settings = runtimeConfig.datasources();
            checkNamesExist(settings, dataSources);
            if (runtimeConfig.statementCacheSize() < 0) {
                throw new ConfigurationException("quarkus.sqlspec.statement-cache-size is "
                        + runtimeConfig.statementCacheSize()
                        + ": use 0 to disable the cache, or a positive number of statements");
            }
            if (runtimeConfig.streamFetchSize() < 1) {
                throw new ConfigurationException("quarkus.sqlspec.stream-fetch-size is " + runtimeConfig.streamFetchSize()
                        + ": use a positive number of rows (1000 by default)");
            }
            List<DataSourceRuntime> runtimes = new ArrayList<>();
            for (String name : dataSources) {
                DataSourceSessionConfig dataSourceConfig = settings.get(name);
                CommitPolicy policy = dataSourceConfig == null ? CommitPolicy.defaults()
                        : CommitPolicy.of(name, dataSourceConfig);
                AsyncDriver driver = dataSourceConfig == null ? AsyncDriver.AUTO : dataSourceConfig.asyncDriver();
                DataSourceRuntime runtime = new DataSourceRuntime(name, runtimes.size(), policy, dialects.get(name),
                        pool(name), reactivePool(name, dialects.get(name), driver, reactiveClientAvailable));
                if (driver == AsyncDriver.REACTIVE) {
                    runtime.reactivePool(); // asked for explicitly: an inactive reactive pool fails start-up now
                }
                runtimes.add(runtime);
            }
            TransactionSynchronizationRegistry jta = jtaAvailable
                    ? ClientProxy.unwrap(context.getInjectedReference(TransactionSynchronizationRegistry.class))
                    : null;
            return new DbSessions(runtimes, new StatementCache(runtimeConfig.statementCacheSize()),
                    context.getInjectedReference(StatementEvents.class),
                    new SqlExceptions(runtimeConfig.logErrorDetails()), runtimeConfig.sqlComment(),
                    runtimeConfig.streamFetchSize(), jta,
                    context.getInjectedReference(ContextScope.class));
        };
    }

    public Function<SyntheticCreationalContext<DbSession>, DbSession> dbSession(String dataSource) {
        return context -> context.getInjectedReference(DbSessions.class).session(dataSource);
    }

    public Function<SyntheticCreationalContext<Connection>, Connection> requestConnection(String dataSource) {
        return context -> context.getInjectedReference(DbSessions.class).session(dataSource).connection();
    }

    public Function<SyntheticCreationalContext<SqlSpec>, SqlSpec> sqlSpec() {
        return context -> new SqlSpecImpl(context.getInjectedReference(DbSessions.class));
    }

    /** A datasource's beans are inactive when the datasource is, as agroal's and flyway's are. */
    public Supplier<ActiveResult> checkActive(String dataSource) {
        return () -> {
            ActiveResult dataSourceActive = DataSourceRuntime.checkActive(dataSource);
            if (dataSourceActive.value()) {
                return ActiveResult.active();
            }
            return ActiveResult.inactive(String.format(Locale.ROOT,
                    "SQLSpec for datasource '%s' was deactivated automatically because this datasource was"
                            + " deactivated.",
                    dataSource), dataSourceActive);
        };
    }

    /**
     * The pool, found through the datasource's bean on first use, so that using an inactive datasource fails with
     * Quarkus's own message (which names the property to set). Unwrapped once: no client proxy per connection.
     */
    private static Supplier<AgroalDataSource> pool(String name) {
        return () -> ClientProxy.unwrap(AgroalDataSourceUtil.dataSourceInstance(name).get());
    }

    /**
     * How db.async() finds the reactive client's pool of a datasource, or {@code null} when it runs on JDBC. (Typed
     * {@code Supplier<?>}: this class is inspected at build time, also in applications without the client.) In
     * {@code auto} mode an inactive reactive datasource (no reactive URL in production, for example) means JDBC; in
     * {@code reactive} mode it fails with Quarkus's own message, which names the property to set.
     */
    private static Supplier<?> reactivePool(String name, SqlDialect dialect, AsyncDriver driver,
            boolean clientAvailable) {
        if (driver == AsyncDriver.JDBC) {
            return null;
        }
        if (!clientAvailable || dialect != SqlDialect.POSTGRESQL) {
            if (driver == AsyncDriver.REACTIVE) {
                throw new ConfigurationException(CommitPolicy.property(name, "async-driver") + " is reactive, but "
                        + (clientAvailable ? "the datasource is a " + dialect.displayName()
                                + " database and the reactive driver is the PostgreSQL client"
                                : "the application does not have io.quarkus:quarkus-reactive-pg-client")
                        + ". Add the extension for a PostgreSQL datasource, or set the property to auto or jdbc");
            }
            return null;
        }
        return ReactivePools.lookup(name, driver == AsyncDriver.REACTIVE);
    }

    private static void checkNamesExist(Map<String, DataSourceSessionConfig> settings, List<String> dataSources) {
        for (String name : settings.keySet()) {
            if (!dataSources.contains(name) && !DataSourceUtil.isDefault(name)) {
                // the unnamed entry always exists, even in applications without a default datasource
                throw new ConfigurationException("quarkus.sqlspec.\"" + name + "\".* configures datasource '" + name
                        + "', which does not exist. Configured datasources: " + new TreeSet<>(dataSources)
                        + ". Fix the name, or configure quarkus.datasource.\"" + name + "\".db-kind");
            }
        }
    }
}
