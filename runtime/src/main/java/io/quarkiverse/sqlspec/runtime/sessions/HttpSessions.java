package io.quarkiverse.sqlspec.runtime.sessions;

import io.quarkiverse.sqlspec.SqlSpecException;
import io.vertx.core.Context;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;

/**
 * Finds the current request's {@link SessionState}, creating it on first use from the request's cookie.
 */
public final class HttpSessions {

    private static final String STATE = SessionState.class.getName();
    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(HttpSessions.class);
    private static volatile HttpSessions instance;

    private final DatabaseSessionStore store;
    private final SessionSettings settings;
    private final SessionPurger purger;

    HttpSessions(DatabaseSessionStore store, SessionSettings settings, SessionPurger purger) {
        this.store = store;
        this.settings = settings;
        this.purger = purger;
    }

    public static void initialize(DatabaseSessionStore store, SessionSettings settings, SessionPurger purger) {
        instance = new HttpSessions(store, settings, purger);
    }

    public static SessionPurger purger() {
        return get().purger;
    }

    static HttpSessions get() {
        HttpSessions current = instance;
        if (current == null) {
            throw new SqlSpecException("HTTP sessions are not enabled: set quarkus.sqlspec.session.enabled=true");
        }
        return current;
    }

    public static DatabaseSessionStore store() {
        return get().store;
    }

    SessionSettings settings() {
        return settings;
    }

    static SessionState current() {
        return get().state();
    }

    private SessionState state() {
        if (Context.isOnEventLoopThread()) {
            throw new SqlSpecException("HttpSession was used on a Vert.x event loop thread, where loading it from the"
                    + " database would block the server; use it from a blocking resource method or route (@Blocking)");
        }
        RoutingContext routing = SessionRouteHandler.current();
        if (routing == null) {
            throw new SqlSpecException("HttpSession is only available while an HTTP request is processed");
        }
        SessionState state = routing.get(STATE);
        if (state == null) {
            Cookie cookie = routing.request().getCookie(settings.cookieName());
            state = new SessionState(store, settings, cookie == null ? null : cookie.getValue());
            routing.put(STATE, state);
            saveAtHeadersEnd(routing, state);
        }
        return state;
    }

    /**
     * Plain Vert.x routes have no response filter: their session is saved when the headers are about to go out. In a
     * blocking route that happens on the worker thread that ends the response; REST endpoints are saved earlier by
     * {@link SessionResponseFilter}, which leaves nothing to do here.
     */
    private void saveAtHeadersEnd(RoutingContext routing, SessionState state) {
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
                        SessionCookies.header(settings, cookie, routing.request().isSSL()));
                routing.response().headers().set("Cache-Control", "no-store");
            }
        });
    }

    /** The state of the current request if it touched its session, for the response filter. */
    static SessionState existing() {
        RoutingContext routing = instance == null ? null : SessionRouteHandler.current();
        return routing == null ? null : routing.get(STATE);
    }

    static boolean secureRequest() {
        RoutingContext routing = SessionRouteHandler.current();
        return routing != null && routing.request().isSSL();
    }

}
