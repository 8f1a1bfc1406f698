package io.quarkiverse.sqlspec.runtime.httpsession;

import org.jboss.logging.Logger;

import io.quarkiverse.sqlspec.HttpSessionStore;
import io.quarkiverse.sqlspec.exception.SqlSpecException;
import io.quarkiverse.sqlspec.runtime.blocking.WorkerCalls;
import io.vertx.core.Context;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;

/**
 * The HTTP-session runtime, one bean per application: the table's statements, the settings, the purger, and the rule
 * that finds the current request's {@link HttpSessionState} (created on first use from the request's cookie). It is
 * also the injectable {@link HttpSessionStore}.
 */
public final class HttpSessions implements HttpSessionStore {

    private static final String STATE = HttpSessionState.class.getName();
    private static final Logger LOG = Logger.getLogger(HttpSessions.class);

    private final HttpSessionRepository store;
    private final HttpSessionSettings settings;
    private final HttpSessionPurger purger;

    HttpSessions(HttpSessionRepository store, HttpSessionSettings settings, HttpSessionPurger purger) {
        this.store = store;
        this.settings = settings;
        this.purger = purger;
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
        return store.deleteAll();
    }

    HttpSessionSettings settings() {
        return settings;
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
            Cookie cookie = routing.request().getCookie(settings.cookieName());
            state = new HttpSessionState(store, settings, cookie == null ? null : cookie.getValue());
            routing.put(STATE, state);
            saveAtHeadersEnd(routing, state);
        }
        return state;
    }

    /**
     * Plain Vert.x routes have no response filter: their session is saved when the headers are about to go out. In a
     * blocking route that happens on the worker thread that ends the response; REST endpoints are saved earlier by
     * {@link HttpSessionResponseFilter}, which leaves nothing to do here.
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
            String cookie = state.save();
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
