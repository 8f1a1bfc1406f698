package io.quarkiverse.sqlspec.runtime.sessions;

import org.jboss.resteasy.reactive.server.core.CurrentRequestManager;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;

import io.quarkiverse.sqlspec.SqlSpecException;
import io.quarkus.arc.Arc;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;

/**
 * Finds the current request's {@link SessionState}, creating it on first use from the request's cookie.
 */
public final class HttpSessions {

    private static final String PROPERTY = SessionState.class.getName();
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
        if (io.vertx.core.Context.isOnEventLoopThread()) {
            throw new SqlSpecException("HttpSession was used on a Vert.x event loop thread, where loading it from the"
                    + " database would block the server; use it from a blocking resource method (@Blocking)");
        }
        ResteasyReactiveRequestContext request = currentRequest();
        if (request == null) {
            throw new SqlSpecException("HttpSession is only available while a Quarkus REST request is processed");
        }
        SessionState state = (SessionState) request.getProperty(PROPERTY);
        if (state == null) {
            RoutingContext routing = request.unwrap(RoutingContext.class);
            Cookie cookie = routing == null ? null : routing.request().getCookie(settings.cookieName());
            state = new SessionState(store, settings, cookie == null ? null : cookie.getValue());
            request.setProperty(PROPERTY, state);
        }
        return state;
    }

    /** The state of the current request if it touched its session, for the response filter. */
    static SessionState existing() {
        HttpSessions current = instance;
        ResteasyReactiveRequestContext request = currentRequest();
        return current == null || request == null ? null : (SessionState) request.getProperty(PROPERTY);
    }

    static boolean secureRequest(ResteasyReactiveRequestContext request) {
        RoutingContext routing = request.unwrap(RoutingContext.class);
        return routing != null && routing.request().isSSL();
    }

    private static ResteasyReactiveRequestContext currentRequest() {
        return Arc.container().requestContext().isActive() ? CurrentRequestManager.get() : null;
    }
}
