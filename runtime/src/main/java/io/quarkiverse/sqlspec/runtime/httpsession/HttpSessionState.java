package io.quarkiverse.sqlspec.runtime.httpsession;

import java.time.Duration;
import java.util.Optional;

import io.quarkiverse.sqlspec.HttpSession;
import io.quarkiverse.sqlspec.exception.SqlSpecException;
import io.vertx.core.json.JsonObject;

/**
 * One request's view of its session: the id the client sent, loaded from the table on first use, and what the request
 * did to it. {@link #save} decides what, if anything, to write.
 */
final class HttpSessionState implements HttpSession {

    private final HttpSessions sessions;
    private final String cookieId;
    private boolean loaded;
    private boolean stored;
    private String id;
    private JsonObject data;
    private JsonObject loadedData;
    private Duration expiresIn;
    private String replacedId;
    /** Values put before anything was read: written without loading the session when nothing else needs it. */
    private JsonObject blindPuts;
    private boolean invalidated;
    private boolean saved;

    HttpSessionState(HttpSessions sessions, String cookieId) {
        this.sessions = sessions;
        this.cookieId = cookieId;
    }

    boolean touched() {
        return loaded || blindPuts != null;
    }

    boolean saved() {
        return saved;
    }

    /**
     * Whether {@link #save} would write nothing and send no cookie: the session was only read and no renewal is due.
     * Then the request's end need not decide anything for it.
     */
    boolean unchanged() {
        if (!loaded || invalidated || replacedId != null) {
            return false;
        }
        return stored ? data.equals(loadedData) && !renewalDue(sessions.settings()) : data.isEmpty();
    }

    private void load() {
        if (loaded) {
            return;
        }
        // marked loaded only once it is: a load that failed (database down) leaves nothing to save
        Optional<HttpSessionRepository.StoredSession> found = HttpSessionIds.wellFormed(cookieId)
                ? sessions.run(repository -> repository.get(HttpSessionIds.key(cookieId)))
                : Optional.empty();
        if (found.isPresent()) {
            stored = true;
            id = cookieId;
            data = new JsonObject(found.get().data());
            // compared as JSON values, not text: jsonb does not keep the text the application wrote
            loadedData = data.copy();
            expiresIn = found.get().expiresIn();
        } else {
            // an id the server did not issue, or an expired one, is never adopted
            data = new JsonObject();
        }
        if (blindPuts != null) {
            data.mergeIn(blindPuts);
            blindPuts = null;
        }
        loaded = true;
    }

    @Override
    public String id() {
        load();
        return id;
    }

    @Override
    public boolean isNew() {
        load();
        return !stored;
    }

    @Override
    public Object get(String key) {
        load();
        return data.getValue(key);
    }

    @Override
    public <T> Optional<T> get(String key, Class<T> type) {
        Object value = get(key);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof Number number && Number.class.isAssignableFrom(type)) {
            Object converted = type == Long.class ? Long.valueOf(number.longValue())
                    : type == Integer.class ? Integer.valueOf(number.intValue())
                            : type == Double.class ? Double.valueOf(number.doubleValue()) : number;
            return Optional.of(type.cast(converted));
        }
        if (!type.isInstance(value)) {
            throw new SqlSpecException("Session value '" + key + "' is a " + value.getClass().getSimpleName()
                    + ", not a " + type.getSimpleName());
        }
        return Optional.of(type.cast(value));
    }

    @Override
    public HttpSession put(String key, Object value) {
        if (loaded) {
            data.put(key, value);
        } else {
            if (blindPuts == null) {
                blindPuts = new JsonObject();
            }
            blindPuts.put(key, value);
        }
        return this;
    }

    @Override
    public Object remove(String key) {
        load();
        return data.remove(key);
    }

    @Override
    public void regenerateId() {
        load();
        if (stored && replacedId == null) {
            replacedId = id;
        }
        id = null;
        stored = false;
    }

    @Override
    public void invalidate() {
        load();
        invalidated = true;
    }

    /**
     * Writes what the request changed, in whatever transaction the caller runs it (the request's, or one of its own).
     *
     * @return the cookie to send: a new id, {@code ""} to clear it, or {@code null} for no cookie
     */
    String save() {
        if (saved) {
            return null;
        }
        saved = true;
        HttpSessionRepository repository = sessions.repository();
        HttpSessionSettings settings = sessions.settings();
        if (!loaded && blindPuts != null && HttpSessionIds.wellFormed(cookieId)
                && repository.mergeLive(HttpSessionIds.key(cookieId), blindPuts.encode(), settings.idleTimeout())) {
            return null; // only written to, and the session was live: one statement, no read
        }
        if (!loaded && blindPuts != null) {
            load(); // a new session, or one that would grow too large: decided on its data, as for any other write
        }
        if (!loaded) {
            return null; // never touched: nothing read, nothing written
        }
        if (invalidated) {
            if (stored) {
                repository.delete(HttpSessionIds.key(id));
            }
            if (replacedId != null) {
                repository.delete(HttpSessionIds.key(replacedId));
            }
            return cookieId != null ? "" : null;
        }
        if (replacedId != null) {
            repository.delete(HttpSessionIds.key(replacedId));
        }
        if (!stored) {
            if (data.isEmpty() && replacedId == null) {
                return null; // nothing worth a session yet
            }
            id = HttpSessionIds.newId();
            repository.insertNew(HttpSessionIds.key(id), data.encode(), settings.idleTimeout());
            return id;
        }
        if (!data.equals(loadedData)) {
            repository.updateLive(HttpSessionIds.key(id), data.encode(), settings.idleTimeout());
        } else if (renewalDue(settings)) {
            repository.renew(HttpSessionIds.key(id), settings.idleTimeout());
        }
        return null;
    }

    /** Drops what the request changed: its data is rolled back, so is its session. */
    void discard() {
        saved = true;
    }

    /** Renewing on every read would write on every request; once per {@code renew-after} is enough. */
    private boolean renewalDue(HttpSessionSettings settings) {
        return expiresIn != null && expiresIn.compareTo(settings.idleTimeout().minus(settings.renewAfter())) < 0;
    }
}
