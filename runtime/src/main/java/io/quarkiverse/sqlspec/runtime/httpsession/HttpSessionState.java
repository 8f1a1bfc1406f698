package io.quarkiverse.sqlspec.runtime.httpsession;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

import io.quarkiverse.sqlspec.HttpSession;
import io.quarkiverse.sqlspec.exception.SqlSpecException;
import io.vertx.core.json.JsonObject;

/**
 * One request's view of its session: the id the client sent, loaded from the store on first use, and what the
 * request did to it. {@link #save} decides what, if anything, to write.
 */
final class HttpSessionState implements HttpSession {

    private static final SecureRandom RANDOM = new SecureRandom();
    /** 32 random bytes: 256 bits, URL-safe base64 (43 characters). */
    private static final int ID_BYTES = 32;

    private final HttpSessionRepository store;
    private final HttpSessionSettings settings;
    private final String cookieId;
    private boolean loaded;
    private boolean stored;
    private String id;
    private JsonObject data;
    private JsonObject loadedData;
    private Optional<Duration> expiresIn = Optional.empty();
    private String replacedId;
    private boolean invalidated;
    private boolean saved;

    HttpSessionState(HttpSessionRepository store, HttpSessionSettings settings, String cookieId) {
        this.store = store;
        this.settings = settings;
        this.cookieId = cookieId;
    }

    static String newId() {
        byte[] bytes = new byte[ID_BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Only ids of the shape the server issues are even looked up. */
    static boolean wellFormed(String id) {
        return id != null && id.length() == 43 && id.chars().allMatch(
                c -> (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_');
    }

    boolean touched() {
        return loaded;
    }

    boolean saved() {
        return saved;
    }

    private void load() {
        if (loaded) {
            return;
        }
        loaded = true;
        Optional<HttpSessionRepository.StoredSession> found = wellFormed(cookieId) ? store.get(cookieId)
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
        load();
        data.put(key, value);
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
     * Writes what the request changed.
     *
     * @return the cookie to send: a new id, {@code ""} to clear it, or {@code null} for no cookie
     */
    String save() {
        if (saved) {
            return null;
        }
        saved = true;
        if (!loaded) {
            return null; // never touched: nothing read, nothing written
        }
        if (invalidated) {
            if (stored) {
                store.delete(id);
            }
            if (replacedId != null) {
                store.delete(replacedId);
            }
            return cookieId != null ? "" : null;
        }
        if (replacedId != null) {
            store.delete(replacedId);
        }
        String json = data.encode();
        if (!stored) {
            if (data.isEmpty() && replacedId == null) {
                return null; // nothing worth a session yet
            }
            id = newId();
            store.insertNew(id, json, settings.idleTimeout());
            return id;
        }
        if (!data.equals(loadedData)) {
            store.updateLive(id, json, settings.idleTimeout());
        } else if (renewalDue()) {
            store.renew(id, settings.idleTimeout());
        }
        return null;
    }

    /** Renewing on every read would write on every request; once per {@code renew-after} is enough. */
    private boolean renewalDue() {
        return expiresIn.map(left -> left.compareTo(settings.idleTimeout().minus(settings.renewAfter())) < 0)
                .orElse(false);
    }
}
