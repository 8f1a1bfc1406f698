package io.quarkiverse.sqlspec.runtime.sessions;

import java.util.Optional;

import io.quarkiverse.sqlspec.HttpSession;

/**
 * The injectable {@link HttpSession}: one object for the application, delegating to the current request's session.
 */
public final class HttpSessionBean implements HttpSession {

    @Override
    public String id() {
        return HttpSessions.current().id();
    }

    @Override
    public boolean isNew() {
        return HttpSessions.current().isNew();
    }

    @Override
    public Object get(String key) {
        return HttpSessions.current().get(key);
    }

    @Override
    public <T> Optional<T> get(String key, Class<T> type) {
        return HttpSessions.current().get(key, type);
    }

    @Override
    public HttpSession put(String key, Object value) {
        HttpSessions.current().put(key, value);
        return this;
    }

    @Override
    public Object remove(String key) {
        return HttpSessions.current().remove(key);
    }

    @Override
    public void regenerateId() {
        HttpSessions.current().regenerateId();
    }

    @Override
    public void invalidate() {
        HttpSessions.current().invalidate();
    }
}
