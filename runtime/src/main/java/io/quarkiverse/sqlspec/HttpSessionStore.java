package io.quarkiverse.sqlspec;

/**
 * The table that holds the server-side HTTP sessions, as a whole ({@code quarkus.sqlspec.http-session.enabled=true}).
 * Inject it for maintenance: purging on demand, logging everyone out. The current request's own session is
 * {@link HttpSession}.
 */
public interface HttpSessionStore {

    /** How many sessions the table holds: live ones, and expired ones the purge has not deleted yet. */
    record Counts(long live, long expired) {
    }

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

    /** How many sessions are live and how many expired, by the database clock. */
    Counts counts();
}
