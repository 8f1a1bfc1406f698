package io.quarkiverse.sqlspec.runtime;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import jakarta.inject.Inject;

import io.quarkiverse.sqlspec.runtime.config.SqlSpecRuntimeConfig;
import io.quarkiverse.sqlspec.runtime.http.ShutdownGate;
import io.quarkiverse.sqlspec.runtime.observability.CorrelationHandler;
import io.quarkiverse.sqlspec.runtime.observability.StatementEvents;
import io.quarkiverse.sqlspec.runtime.observability.StatementTimers;
import io.quarkiverse.sqlspec.runtime.session.CommitPolicy;
import io.quarkiverse.sqlspec.runtime.session.SessionManager;
import io.quarkus.datasource.common.runtime.DataSourceUtil;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.RuntimeValue;
import io.quarkus.runtime.annotations.Recorder;
import io.quarkus.runtime.configuration.ConfigurationException;
import io.quarkus.runtime.shutdown.ShutdownListener;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * Records the session manager's set-up at runtime init: the datasources in commit order and their validated commit
 * settings. A configuration mistake fails startup with the property to change.
 */
@Recorder
public class SessionManagerRecorder {

    private final RuntimeValue<SqlSpecRuntimeConfig> config;

    @Inject
    public SessionManagerRecorder(RuntimeValue<SqlSpecRuntimeConfig> config) {
        this.config = config;
    }

    /** Loaded by name: the class refers to Micrometer, which applications without quarkus-micrometer do not have. */
    private static StatementTimers micrometerTimers() {
        try {
            return (StatementTimers) Class.forName(MICROMETER_TIMERS, true,
                    Thread.currentThread().getContextClassLoader()).getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot create the Micrometer statement timers", e);
        }
    }

    public static final String MICROMETER_TIMERS = "io.quarkiverse.sqlspec.runtime.observability.MicrometerStatementTimers";

    public Handler<RoutingContext> shutdownGateFilter() {
        return ShutdownGate.INSTANCE.open();
    }

    public ShutdownListener shutdownGateListener() {
        return ShutdownGate.INSTANCE;
    }

    public Handler<RoutingContext> correlationHandler() {
        SqlSpecRuntimeConfig.Correlation correlation = config.getValue().correlation();
        if (!correlation.enabled()) {
            return RoutingContext::next;
        }
        return new CorrelationHandler(correlation.headers(), correlation.responseHeader());
    }

    /**
     * @param dataSources the configured datasources, in commit order (the default one first)
     */
    public void initialize(List<String> dataSources, boolean jtaAvailable, boolean statementEventsObserved,
            boolean micrometer) {
        SqlSpecRuntimeConfig runtimeConfig = config.getValue();
        Map<String, CommitPolicy> policies = new LinkedHashMap<>();
        for (Map.Entry<String, SqlSpecRuntimeConfig.DataSourceSessionConfig> entry : runtimeConfig.datasources()
                .entrySet()) {
            String name = entry.getKey();
            if (!dataSources.contains(name)) {
                if (DataSourceUtil.isDefault(name)) {
                    continue; // the unnamed entry always exists, even in applications without a default datasource
                }
                throw new ConfigurationException("quarkus.sqlspec.\"" + name + "\".* configures datasource '" + name
                        + "', which does not exist. Configured datasources: " + new TreeSet<>(dataSources)
                        + ". Fix the name, or configure quarkus.datasource.\"" + name + "\".db-kind");
            }
            policies.put(name, CommitPolicy.of(name, entry.getValue()));
        }
        if (runtimeConfig.statementCacheSize() < 0) {
            throw new ConfigurationException("quarkus.sqlspec.statement-cache-size is "
                    + runtimeConfig.statementCacheSize()
                    + ": use 0 to disable the cache, or a positive number of statements");
        }
        int recent = runtimeConfig.recentStatements().orElse(LaunchMode.current().isDevOrTest() ? 100 : 0);
        StatementEvents events = new StatementEvents(runtimeConfig.slowQueryThreshold(), runtimeConfig.logParameters(),
                recent, statementEventsObserved, micrometer ? micrometerTimers() : null);
        SessionManager.initialize(dataSources, policies, runtimeConfig.statementCacheSize(), jtaAvailable, events,
                runtimeConfig.sqlComment());
    }
}
