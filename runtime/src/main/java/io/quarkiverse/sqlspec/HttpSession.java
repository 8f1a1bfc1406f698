package io.quarkiverse.sqlspec;

import java.util.Optional;

/**
 * The current request's server-side session, stored in the database ({@code quarkus.sqlspec.http-session.enabled=true}).
 * <p>
 * Inject it into resources: {@code @Inject HttpSession session}. It is loaded on first use (a request that never
 * touches it costs nothing), and saved before the response is written, only if it changed. Values are stored as
 * JSON: strings, numbers, booleans, {@code null}, and maps and lists of those.
 * <p>
 * Blocking: use it from worker threads (the default for resource methods that do not return {@code Uni}).
 */
public interface HttpSession {

    /** The session id, or {@code null} for a session that has not been saved yet. */
    String id();

    /** Whether the session was created by this request (the client sent no valid session cookie). */
    boolean isNew();

    /** The value of a key, or {@code null}. */
    Object get(String key);

    /**
     * The value of a key converted to {@code type} (numbers are widened or narrowed: a stored {@code 42} reads as
     * {@code Long}, {@code Integer} or {@code Double}).
     */
    <T> Optional<T> get(String key, Class<T> type);

    /** Sets a value (JSON-compatible); the session is saved at the end of the request. */
    HttpSession put(String key, Object value);

    /** Removes a value. */
    Object remove(String key);

    /**
     * Gives the session a new id, keeping its data, and deletes the old id: call it when the user logs in, so that
     * an id planted before login (session fixation) is worthless.
     */
    void regenerateId();

    /** Deletes the session and clears the cookie (logout). */
    void invalidate();
}
