package io.quarkiverse.sqlspec.runtime.httpsession;

import java.util.function.Function;

import jakarta.inject.Inject;

import io.quarkiverse.sqlspec.HttpSession;
import io.quarkiverse.sqlspec.HttpSessionStore;
import io.quarkiverse.sqlspec.runtime.config.SqlSpecRuntimeConfig;
import io.quarkiverse.sqlspec.runtime.config.SqlSpecRuntimeConfig.HttpSessionConfig;
import io.quarkiverse.sqlspec.runtime.database.DataSourceRuntime;
import io.quarkiverse.sqlspec.runtime.database.DbSessions;
import io.quarkiverse.sqlspec.runtime.sql.SqlDialect;
import io.quarkus.arc.ActiveResult;
import io.quarkus.arc.Arc;
import io.quarkus.arc.SyntheticCreationalContext;
import io.quarkus.datasource.common.runtime.DataSourceUtil;
import io.quarkus.runtime.RuntimeValue;
import io.quarkus.runtime.ShutdownContext;
import io.quarkus.runtime.annotations.Recorder;
import io.quarkus.runtime.configuration.ConfigurationException;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;

/**
 * Records the HTTP-session runtime: the route filter, the {@link HttpSessions} bean (validated settings, the table
 * created or completed unless {@code manage-schema=false}), the injectable {@link HttpSession}, and the periodic purge.
 */
@Recorder
public class HttpSessionRecorder {

    private final RuntimeValue<SqlSpecRuntimeConfig> config;

    @Inject
    public HttpSessionRecorder(RuntimeValue<SqlSpecRuntimeConfig> config) {
        this.config = config;
    }

    public Handler<RoutingContext> routeHandler() {
        return new HttpSessionRouteHandler();
    }

    public Function<SyntheticCreationalContext<HttpSessions>, HttpSessions> httpSessions() {
        return context -> {
            HttpSessionConfig sessions = config.getValue().httpSession();
            HttpSessionSettings settings = HttpSessionSettings.of(sessions);
            HttpSessionTable table = HttpSessionTable.named(sessions.table(), "quarkus.sqlspec.http-session.table");
            DbSessions dbSessions = context.getInjectedReference(DbSessions.class);
            String dataSource = sessions.datasource();
            if (!dbSessions.names().contains(dataSource)) {
                throw new ConfigurationException("quarkus.sqlspec.http-session.datasource is '" + dataSource
                        + "', which is not a configured datasource: configure "
                        + DataSourceUtil.dataSourcePropertyKey(dataSource, "db-kind")
                        + " or point the sessions at another datasource");
            }
            SqlDialect dialect = dbSessions.dataSource(dataSource).dialect();
            if (dialect != SqlDialect.POSTGRESQL) {
                throw new ConfigurationException("quarkus.sqlspec.http-session.datasource is '" + dataSource
                        + "', a " + dialect.displayName() + " datasource: HTTP sessions need PostgreSQL (the store"
                        + " relies on its row locks, advisory locks and upserts). Point the sessions at a PostgreSQL"
                        + " datasource, or set quarkus.sqlspec.http-session.enabled=false");
            }
            ActiveResult active = DataSourceRuntime.checkActive(dataSource);
            if (!active.value()) {
                // the datasource's own reason names the property to set (for example its JDBC URL)
                throw new ConfigurationException("HTTP sessions are stored in datasource '" + dataSource
                        + "' (quarkus.sqlspec.http-session.datasource), which is inactive. " + active.inactiveReason());
            }
            HttpSessionRepository repository = new HttpSessionRepository(dbSessions.session(dataSource), table,
                    sessions.maxSize(), sessions.absoluteTimeout());
            if (sessions.manageSchema()) {
                dbSessions.transaction(dataSource, db -> {
                    table.createOrComplete(db);
                    return null;
                });
            }
            return new HttpSessions(dbSessions, dataSource, table, repository, settings,
                    new HttpSessionPurger(dbSessions, dataSource, repository, table, sessions.purgeBatchSize()));
        };
    }

    public Function<SyntheticCreationalContext<HttpSession>, HttpSession> httpSession() {
        return context -> new HttpSessionBean(context.getInjectedReference(HttpSessions.class));
    }

    public Function<SyntheticCreationalContext<HttpSessionStore>, HttpSessionStore> httpSessionStore() {
        return context -> context.getInjectedReference(HttpSessions.class);
    }

    /** Background jobs stop before the pools close: the timer is cancelled by a shutdown task. */
    public void schedulePurge(ShutdownContext shutdown) {
        HttpSessionPurger purger = Arc.container().instance(HttpSessions.class).get().purger();
        Vertx vertx = Arc.container().instance(Vertx.class).get();
        long interval = config.getValue().httpSession().purgeInterval().toMillis();
        long timer = vertx.setPeriodic(interval, id -> vertx.executeBlocking(() -> {
            purger.purgeQuietly();
            return null;
        }, false));
        shutdown.addShutdownTask(() -> vertx.cancelTimer(timer));
    }
}
