package io.quarkiverse.sqlspec.runtime.httpsession;

import java.util.Optional;

import io.quarkiverse.sqlspec.HttpSession;

/**
 * The injectable {@link HttpSession}: one object for the application, delegating to the current request's session.
 */
public final class HttpSessionBean implements HttpSession {

    private final HttpSessions sessions;

    public HttpSessionBean(HttpSessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public String id() {
        return sessions.current().id();
    }

    @Override
    public boolean isNew() {
        return sessions.current().isNew();
    }

    @Override
    public Object get(String key) {
        return sessions.current().get(key);
    }

    @Override
    public <T> Optional<T> get(String key, Class<T> type) {
        return sessions.current().get(key, type);
    }

    @Override
    public HttpSession put(String key, Object value) {
        sessions.current().put(key, value);
        return this;
    }

    @Override
    public Object remove(String key) {
        return sessions.current().remove(key);
    }

    @Override
    public void regenerateId() {
        sessions.current().regenerateId();
    }

    @Override
    public void invalidate() {
        sessions.current().invalidate();
    }
}
