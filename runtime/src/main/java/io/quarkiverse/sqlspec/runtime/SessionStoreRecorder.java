package io.quarkiverse.sqlspec.runtime;

import java.sql.Connection;
import java.sql.SQLException;

import jakarta.inject.Inject;

import io.agroal.api.AgroalDataSource;
import io.quarkiverse.sqlspec.runtime.config.SqlSpecRuntimeConfig;
import io.quarkiverse.sqlspec.runtime.jdbc.SqlExceptions;
import io.quarkiverse.sqlspec.runtime.sessions.DatabaseSessionStore;
import io.quarkiverse.sqlspec.runtime.sessions.HttpSessions;
import io.quarkiverse.sqlspec.runtime.sessions.SessionPurger;
import io.quarkiverse.sqlspec.runtime.sessions.SessionRouteHandler;
import io.quarkiverse.sqlspec.runtime.sessions.SessionSettings;
import io.quarkiverse.sqlspec.runtime.sessions.SessionTable;
import io.quarkus.agroal.runtime.AgroalDataSourceUtil;
import io.quarkus.arc.Arc;
import io.quarkus.datasource.common.runtime.DataSourceUtil;
import io.quarkus.runtime.RuntimeValue;
import io.quarkus.runtime.ShutdownContext;
import io.quarkus.runtime.annotations.Recorder;
import io.quarkus.runtime.configuration.ConfigurationException;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;

/**
 * Records the session store's start: validated settings, the table created or completed (unless
 * {@code manage-schema=false}), and the periodic purge.
 */
@Recorder
public class SessionStoreRecorder {

    private final RuntimeValue<SqlSpecRuntimeConfig> config;

    @Inject
    public SessionStoreRecorder(RuntimeValue<SqlSpecRuntimeConfig> config) {
        this.config = config;
    }

    public Handler<RoutingContext> routeHandler() {
        return new SessionRouteHandler();
    }

    public void start(ShutdownContext shutdown) {
        SqlSpecRuntimeConfig.Sessions sessions = config.getValue().session();
        SessionSettings settings = SessionSettings.of(sessions);
        SessionTable table = SessionTable.named(sessions.table(), "quarkus.sqlspec.session.table");
        AgroalDataSource dataSource = AgroalDataSourceUtil.dataSourceIfActive(sessions.datasource())
                .orElseThrow(() -> new ConfigurationException("quarkus.sqlspec.session.datasource is '"
                        + sessions.datasource() + "', which is not an active datasource: configure "
                        + DataSourceUtil.dataSourcePropertyKey(sessions.datasource(), "db-kind")
                        + " or point the sessions at another datasource"));
        if (sessions.manageSchema()) {
            try (Connection connection = dataSource.getConnection()) {
                table.createOrComplete(connection);
            } catch (SQLException e) {
                throw SqlExceptions.translate(e, "CREATE TABLE " + table.name());
            }
        }
        DatabaseSessionStore store = new DatabaseSessionStore(dataSource, table, sessions.maxSize(),
                sessions.absoluteTimeout());
        SessionPurger purger = new SessionPurger(dataSource, store, sessions.purgeBatchSize());
        HttpSessions.initialize(store, settings, purger);
        schedulePurge(shutdown, purger, sessions.purgeInterval().toMillis());
    }

    private static void schedulePurge(ShutdownContext shutdown, SessionPurger purger, long intervalMillis) {
        Vertx vertx = Arc.container().instance(Vertx.class).get();
        long timer = vertx.setPeriodic(intervalMillis, id -> vertx.executeBlocking(() -> purger.purgeOnce(), false));
        // background jobs stop before the pools close
        shutdown.addShutdownTask(() -> vertx.cancelTimer(timer));
    }
}
