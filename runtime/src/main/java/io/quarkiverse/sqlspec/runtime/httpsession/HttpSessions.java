package io.quarkiverse.sqlspec.runtime.httpsession;

import java.util.function.Function;

import org.jboss.logging.Logger;

import io.quarkiverse.sqlspec.HttpSessionStore;
import io.quarkiverse.sqlspec.exception.SqlSpecException;
import io.quarkiverse.sqlspec.runtime.blocking.WorkerCalls;
import io.quarkiverse.sqlspec.runtime.database.DbSessions;
import io.vertx.core.Context;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * The HTTP-session runtime, one bean per application (also the injectable {@link HttpSessionStore}): the table's
 * statements, the settings, the purge, the rule that finds the current request's {@link HttpSessionState}, and the
 * rule that decides in which transaction a session is read and saved.
 * <p>
 * In a Quarkus REST request, the session is read and written on the request's own connection to the sessions'
 * datasource, and its save joins the request's transaction: it is kept exactly when the request's data is committed
 * (see {@link #saveForResponse}). Elsewhere (plain Vert.x routes) each load and save runs in a short transaction of
 * its own.
 */
public final class HttpSessions implements HttpSessionStore {

    private static final String STATE = HttpSessionState.class.getName();
    private static final Logger LOG = Logger.getLogger(HttpSessions.class);

    private final DbSessions dbSessions;
    private final String dataSource;
    private final HttpSessionRepository repository;
    private final HttpSessionSettings settings;
    private final HttpSessionPurger purger;
    private final String table;

    HttpSessions(DbSessions dbSessions, String dataSource, HttpSessionTable table, HttpSessionRepository repository,
            HttpSessionSettings settings, HttpSessionPurger purger) {
        this.table = table.name();
        this.dbSessions = dbSessions;
        this.dataSource = dataSource;
        this.repository = repository;
        this.settings = settings;
        this.purger = purger;
    }

    HttpSessionRepository repository() {
        return repository;
    }

    HttpSessionSettings settings() {
        return settings;
    }

    HttpSessionPurger purger() {
        return purger;
    }

    @Override
    public long deleteExpired() {
        return purger.purgeOnce();
    }

    @Override
    public long deleteAll() {
        return dbSessions.transaction(dataSource, db -> repository.deleteAll());
    }

    @Override
    public Counts counts() {
        return dbSessions.transaction(dataSource, db -> repository.counts());
    }

    /** The datasource and table, for the Dev UI. */
    public String describe() {
        return dataSource + ", table " + table;
    }

    /** Runs repository work in the current REST request's transaction, else in a transaction of its own. */
    <T> T run(Function<HttpSessionRepository, T> work) {
        if (dbSessions.inHttpRequest()) {
            return work.apply(repository);
        }
        return dbSessions.transaction(dataSource, db -> work.apply(repository));
    }

    /**
     * Saves a REST request's session as the sessions' datasource decides for the final status: with the request's
     * data when it commits; not at all when it rolls back; in manual commit mode, where the application commits its
     * own work, in a transaction of its own on the request's connection (after the work left uncommitted is rolled
     * back).
     *
     * @return the cookie to send, as {@link HttpSessionState#save()}
     */
    String saveForResponse(HttpSessionState state, int status) {
        return switch (dbSessions.decide(dataSource, status)) {
            case COMMIT -> state.save();
            case ROLLBACK -> {
                state.discard();
                yield null;
            }
            case LEAVE -> dbSessions.inSeparateRequestTransaction(dataSource, state::save);
        };
    }

    HttpSessionState current() {
        WorkerCalls.refuseEventLoop("HttpSession", "Use it from a blocking resource method or route (@Blocking):"
                + " loading it reads the database");
        RoutingContext routing = HttpSessionRouteHandler.current();
        if (routing == null) {
            throw new SqlSpecException("HttpSession is only available while an HTTP request is processed");
        }
        HttpSessionState state = routing.get(STATE);
        if (state == null) {
            state = new HttpSessionState(this,
                    HttpSessionCookies.find(routing.request().headers().getAll(HttpHeaders.COOKIE), settings.cookieName()));
            routing.put(STATE, state);
            if (!dbSessions.inHttpRequest()) {
                saveAtHeadersEnd(routing, state);
            }
        }
        return state;
    }

    /**
     * Plain Vert.x routes have no response filter: their session is saved when the headers are about to go out, in a
     * transaction of its own. In a blocking route that happens on the worker thread that ends the response.
     */
    private void saveAtHeadersEnd(RoutingContext routing, HttpSessionState state) {
        routing.addHeadersEndHandler(ignored -> {
            if (state.saved() || !state.touched()) {
                return;
            }
            if (Context.isOnEventLoopThread()) {
                LOG.warn("The session of a plain Vert.x route was left unsaved: the response ended on the event loop,"
                        + " where the database cannot be called. End the response from a blocking handler");
                return;
            }
            String cookie = run(repository -> state.save());
            if (cookie != null) {
                routing.response().headers().add("Set-Cookie",
                        HttpSessionCookies.header(settings, cookie, routing.request().isSSL()));
                routing.response().headers().set("Cache-Control", "no-store");
            }
        });
    }

    /** The state of the current request if it touched its session, for the response filter. */
    static HttpSessionState existing() {
        RoutingContext routing = HttpSessionRouteHandler.current();
        return routing == null ? null : routing.get(STATE);
    }

    static boolean secureRequest() {
        RoutingContext routing = HttpSessionRouteHandler.current();
        return routing != null && routing.request().isSSL();
    }
}
