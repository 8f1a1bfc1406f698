package io.quarkiverse.sqlspec.runtime;

import java.sql.Connection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;

import jakarta.inject.Inject;

import io.quarkiverse.sqlspec.DbSession;
import io.quarkiverse.sqlspec.SqlSpec;
import io.quarkiverse.sqlspec.runtime.config.SqlSpecRuntimeConfig;
import io.quarkiverse.sqlspec.runtime.session.CommitPolicy;
import io.quarkiverse.sqlspec.runtime.session.SessionManager;
import io.quarkiverse.sqlspec.runtime.session.SqlSpecImpl;
import io.quarkiverse.sqlspec.runtime.sql.NamedSqlRegistry;
import io.quarkus.arc.SyntheticCreationalContext;
import io.quarkus.datasource.common.runtime.DataSourceUtil;
import io.quarkus.runtime.RuntimeValue;
import io.quarkus.runtime.annotations.Recorder;
import io.quarkus.runtime.configuration.ConfigurationException;

/**
 * Records how SQLSpec's sessions are created: the session manager at runtime init (validating the commit settings of
 * every datasource), and the creators of the synthetic {@link DbSession}, {@link Connection} and {@link SqlSpec} beans.
 */
@Recorder
public class SqlSpecRecorder {

    private final RuntimeValue<SqlSpecRuntimeConfig> config;

    @Inject
    public SqlSpecRecorder(RuntimeValue<SqlSpecRuntimeConfig> config) {
        this.config = config;
    }

    /**
     * @param dataSources the configured datasources, in commit order (the default one first)
     */
    public void initializeSessions(List<String> dataSources) {
        SqlSpecRuntimeConfig runtimeConfig = config.getValue();
        Map<String, CommitPolicy> policies = new LinkedHashMap<>();
        for (Map.Entry<String, SqlSpecRuntimeConfig.DataSourceSessionConfig> entry : runtimeConfig.datasources()
                .entrySet()) {
            String name = entry.getKey();
            if (!dataSources.contains(name)) {
                if (DataSourceUtil.isDefault(name) && entry.getValue().extraCommitStatuses().isEmpty()
                        && entry.getValue().extraRollbackStatuses().isEmpty()) {
                    continue; // the default entry always exists, with defaults, even without a default datasource
                }
                throw new ConfigurationException("quarkus.sqlspec.\"" + name + "\".* configures datasource '" + name
                        + "', which does not exist. Configured datasources: " + new TreeSet<>(dataSources)
                        + ". Fix the name, or configure quarkus.datasource.\"" + name + "\".db-kind");
            }
            policies.put(name, CommitPolicy.of(name, entry.getValue()));
        }
        if (runtimeConfig.statementCacheSize() < 0) {
            throw new ConfigurationException("quarkus.sqlspec.statement-cache-size is " + runtimeConfig.statementCacheSize()
                    + ": use 0 to disable the cache, or a positive number of statements");
        }
        SessionManager.initialize(dataSources, policies, runtimeConfig.statementCacheSize());
    }

    public void registerNamedStatements(Map<String, String> statements) {
        NamedSqlRegistry.register(statements);
    }

    public Function<SyntheticCreationalContext<DbSession>, DbSession> dbSession(String dataSource) {
        return context -> SessionManager.get().session(dataSource);
    }

    public Function<SyntheticCreationalContext<Connection>, Connection> requestConnection(String dataSource) {
        return context -> SessionManager.get().session(dataSource).connection();
    }

    public Function<SyntheticCreationalContext<SqlSpec>, SqlSpec> sqlSpec() {
        return context -> new SqlSpecImpl(SessionManager.get());
    }
}
