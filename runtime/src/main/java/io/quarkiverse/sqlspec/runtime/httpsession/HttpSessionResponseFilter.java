package io.quarkiverse.sqlspec.runtime.httpsession;

import jakarta.inject.Singleton;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

import io.quarkiverse.sqlspec.runtime.blocking.WorkerCalls;
import io.quarkiverse.sqlspec.runtime.http.ErrorBodies;
import io.quarkiverse.sqlspec.runtime.http.TransactionResponseFilter;
import io.quarkus.arc.Arc;
import io.smallrye.mutiny.Uni;

/**
 * Saves the request's session before the response is written, when the request touched it, and sets or clears the
 * cookie. It runs before {@link TransactionResponseFilter}, so that a save that joins the request's transaction is
 * committed or rolled back with the request's data.
 * <p>
 * {@code @Singleton}: without a scope, a filter class with fields gets an application-scoped generated filter, called
 * through a client proxy on every request.
 */
@Singleton
public class HttpSessionResponseFilter {

    private static final Logger LOG = Logger.getLogger(HttpSessionResponseFilter.class);

    /** Found on first use: Quarkus REST creates its filters before the runtime beans exist. */
    private volatile HttpSessions sessions;

    /**
     * @return {@code null} when done at once (the session was not touched, or on a worker thread)
     */
    @ServerResponseFilter(priority = TransactionResponseFilter.PRIORITY + 1)
    public Uni<Void> saveSession(ResteasyReactiveContainerRequestContext requestContext,
            ContainerResponseContext response) {
        HttpSessionState state = HttpSessions.existing();
        if (state == null || !state.touched() || state.saved()) {
            return null;
        }
        if (state.unchanged()) {
            state.discard(); // only read: whatever the status, there is nothing to save
            return null;
        }
        int status = TransactionResponseFilter.finalStatus(
                (ResteasyReactiveRequestContext) requestContext.getServerRequestContext(), response);
        boolean secureRequest = HttpSessions.secureRequest();
        HttpSessions httpSessions = sessions();
        return WorkerCalls.inFilter(() -> {
            try {
                return httpSessions.saveForResponse(state, status);
            } catch (HttpSessionTooLargeException e) {
                LOG.error(e.getMessage());
                response.setStatus(500);
                response.setEntity(ErrorBodies.json(500, "The session is too large to be saved", null), null,
                        MediaType.APPLICATION_JSON_TYPE);
                return null;
            }
        }, cookie -> {
            if (cookie != null) {
                response.getHeaders().add("Set-Cookie", HttpSessionCookies.header(httpSessions.settings(), cookie,
                        secureRequest));
                response.getHeaders().putSingle("Cache-Control", "no-store");
            }
        });
    }

    private HttpSessions sessions() {
        HttpSessions current = sessions;
        if (current == null) {
            current = Arc.container().instance(HttpSessions.class).get();
            sessions = current;
        }
        return current;
    }
}
