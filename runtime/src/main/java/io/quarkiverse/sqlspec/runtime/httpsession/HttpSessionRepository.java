package io.quarkiverse.sqlspec.runtime.httpsession;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import io.quarkiverse.sqlspec.DbSession;
import io.quarkiverse.sqlspec.HttpSessionStore;

/**
 * The statements on the session table, as JSON readable with SQL, keyed by {@link HttpSessionIds#key the hash of the
 * id}.
 * <p>
 * They run through the {@link DbSession} of the table's datasource, so they use whatever connection and transaction
 * is current: inside an HTTP request the request's own (a read before the first write runs in auto-commit, a write
 * joins the request's transaction); elsewhere the caller opens a transaction. Every expiry is computed and compared by
 * the database ({@code now()}), never by the application's clock, so that instances with drifting clocks agree.
 */
public final class HttpSessionRepository {

    /** A stored session as read: its JSON data and how long it has left. */
    public record StoredSession(String data, Duration expiresIn) {
    }

    private final DbSession db;
    private final int maxSize;
    private final String get;
    private final String insertNew;
    private final String updateLive;
    private final String renew;
    private final String mergeLive;
    private final String delete;
    private final String deleteExpiredBatch;
    private final String deleteAll;
    private final String counts;

    /**
     * @param db the session of the table's datasource
     * @param maxSize the largest JSON document accepted, in UTF-8 bytes
     * @param absoluteTimeout sessions older than this are dead however active they are
     */
    public HttpSessionRepository(DbSession db, HttpSessionTable table, int maxSize, Duration absoluteTimeout) {
        this.db = db;
        this.maxSize = maxSize;
        String t = table.name();
        // the limit is a number computed here, not user input, so it is written into the statement
        String live = "expires_at > now() AND created_at > now() - make_interval(secs => " + seconds(absoluteTimeout)
                + ")";
        // date_part gives a float8; EXTRACT a numeric, which costs a decimal on both sides of the wire on every read
        this.get = "SELECT data::text AS data, date_part('epoch', expires_at - now()) AS seconds_left FROM " + t
                + " WHERE session_id = ? AND " + live;
        this.insertNew = "INSERT INTO " + t + " (session_id, data, expires_at) VALUES (?, ?::jsonb,"
                + " now() + make_interval(secs => ?)) ON CONFLICT (session_id) DO NOTHING";
        this.updateLive = "UPDATE " + t + " SET data = ?::jsonb, expires_at = now() + make_interval(secs => ?),"
                + " updated_at = now() WHERE session_id = ? AND " + live;
        // the limit is checked on jsonb's text, a little longer than the application's JSON: when it says no, the caller
        // loads the session and decides on the exact size
        this.mergeLive = "UPDATE " + t + " SET data = data || ?::jsonb, expires_at = now() + make_interval(secs => ?),"
                + " updated_at = now() WHERE session_id = ? AND " + live
                + " AND octet_length(convert_to((data || ?::jsonb)::text, 'UTF8')) <= " + maxSize;
        this.renew = "UPDATE " + t + " SET expires_at = now() + make_interval(secs => ?), updated_at = now()"
                + " WHERE session_id = ? AND " + live;
        this.delete = "DELETE FROM " + t + " WHERE session_id = ?";
        // a session past its absolute timeout is not renewed any more, so its expires_at passes soon after
        this.deleteExpiredBatch = "DELETE FROM " + t + " WHERE session_id IN (SELECT session_id FROM " + t
                + " WHERE expires_at <= now() LIMIT ? FOR UPDATE SKIP LOCKED)";
        this.deleteAll = "DELETE FROM " + t;
        this.counts = "SELECT count(*) FILTER (WHERE " + live + ") AS live, count(*) FILTER (WHERE NOT (" + live
                + ")) AS expired FROM " + t;
    }

    /** The live session stored under {@code key}; expired rows are hidden even before the purge deletes them. */
    public Optional<StoredSession> get(String key) {
        SessionRow row = db.selectOneOrNull(SessionRow.class, get, key);
        if (row == null) {
            return Optional.empty();
        }
        return Optional.of(new StoredSession(row.data(), Duration.ofMillis(Math.round(row.secondsLeft() * 1000))));
    }

    /** The row {@link #get} reads: a record's mapping is bound once per statement, a map's is built per row. */
    public record SessionRow(String data, double secondsLeft) {
    }

    /**
     * Stores a new session.
     *
     * @return {@code false} in the (astronomically unlikely) case the key is taken
     * @throws HttpSessionTooLargeException when the data is over the configured limit
     */
    public boolean insertNew(String key, String jsonData, Duration ttl) {
        checkSize(jsonData);
        return db.execute(insertNew, key, jsonData, seconds(ttl)).rowsAffected() == 1;
    }

    /**
     * Replaces the data of a live session. A session deleted meanwhile (a logout in another request) is not brought
     * back.
     *
     * @return whether the session was still there
     */
    public boolean updateLive(String key, String jsonData, Duration ttl) {
        checkSize(jsonData);
        return db.execute(updateLive, jsonData, seconds(ttl), key).rowsAffected() == 1;
    }

    /**
     * Sets the keys of {@code jsonPatch} in a live session without reading it first (one statement for a request that
     * only writes), renewing it.
     *
     * @return whether it was done: {@code false} when the session is not live or would grow past the limit
     */
    public boolean mergeLive(String key, String jsonPatch, Duration ttl) {
        return db.execute(mergeLive, jsonPatch, seconds(ttl), key, jsonPatch).rowsAffected() == 1;
    }

    /**
     * Moves a live session's expiry to {@code ttl} from now.
     *
     * @return whether a live session was renewed (an expired one is not brought back)
     */
    public boolean renew(String key, Duration ttl) {
        return db.execute(renew, seconds(ttl), key).rowsAffected() == 1;
    }

    /** Deletes a session; a missing one is not an error. */
    public void delete(String key) {
        db.execute(delete, key);
    }

    /**
     * Deletes at most {@code batchSize} expired sessions, skipping rows another purge has locked.
     *
     * @return how many were deleted
     */
    public long deleteExpiredBatch(int batchSize) {
        return db.execute(deleteExpiredBatch, batchSize).rowsAffected();
    }

    /** Deletes every session. */
    public long deleteAll() {
        return db.execute(deleteAll).rowsAffected();
    }

    /** Live and expired sessions. */
    public HttpSessionStore.Counts counts() {
        Map<String, Object> row = db.selectOne(counts);
        return new HttpSessionStore.Counts(((Number) row.get("live")).longValue(),
                ((Number) row.get("expired")).longValue());
    }

    private void checkSize(String jsonData) {
        int size = jsonData.getBytes(StandardCharsets.UTF_8).length;
        if (size > maxSize) {
            throw new HttpSessionTooLargeException(size, maxSize);
        }
    }

    private static double seconds(Duration duration) {
        return duration.toNanos() / 1_000_000_000.0;
    }
}
