package io.quarkiverse.sqlspec;

/**
 * The table that holds the server-side HTTP sessions, as a whole ({@code quarkus.sqlspec.http-session.enabled=true}).
 * Inject it for maintenance: purging on demand, logging everyone out. The current request's own session is
 * {@link HttpSession}.
 */
public interface HttpSessionStore {

    /**
     * Deletes expired sessions now, in batches, as the periodic purge does: one instance at a time (a PostgreSQL
     * advisory lock).
     *
     * @return how many sessions were deleted, or {@code -1} when another instance is purging
     */
    long deleteExpired();

    /**
     * Deletes every session: everyone is logged out.
     *
     * @return how many sessions were deleted
     */
    long deleteAll();
}
