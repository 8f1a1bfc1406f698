package io.quarkiverse.sqlspec.runtime.httpsession;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;

import javax.sql.DataSource;

import io.quarkiverse.sqlspec.runtime.jdbc.SqlExceptions;

/**
 * Server-side sessions in a PostgreSQL table, as JSON readable with SQL.
 * <p>
 * Every expiry is computed and compared by the database ({@code now()}), never by the application's clock, so that
 * several instances with drifting clocks agree. Each operation is one statement on its own pooled connection in
 * auto-commit mode: session writes do not join the request's transaction (a failed request must not lose the
 * login that preceded it).
 */
public final class HttpSessionRepository {

    /** A stored session as read: its JSON data and, when it expires, how long it has left. */
    public record StoredSession(String id, String data, Optional<Duration> expiresIn, OffsetDateTime createdAt) {
    }

    private final DataSource dataSource;
    private final HttpSessionTable table;
    private final int maxSize;
    private final String get;
    private final String upsert;
    private final String delete;
    private final String exists;
    private final String expiresIn;
    private final String renew;
    private final String deleteExpiredBatch;
    private final String insertNew;
    private final String updateLive;

    /**
     * @param maxSize the largest JSON document accepted, in UTF-8 bytes
     */
    public HttpSessionRepository(DataSource dataSource, HttpSessionTable table, int maxSize) {
        this(dataSource, table, maxSize, null);
    }

    /**
     * @param absoluteTimeout sessions older than this are dead however active they are; {@code null} for no limit
     */
    public HttpSessionRepository(DataSource dataSource, HttpSessionTable table, int maxSize, Duration absoluteTimeout) {
        this.dataSource = dataSource;
        this.table = table;
        this.maxSize = maxSize;
        String t = table.name();
        // the limit is a number computed here, not user input, so it is written into the statement
        String live = "(expires_at IS NULL OR expires_at > now())" + (absoluteTimeout == null ? ""
                : " AND created_at > now() - make_interval(secs => " + seconds(absoluteTimeout) + ")");
        this.insertNew = "INSERT INTO " + t + " (session_id, data, expires_at) VALUES (?, ?::jsonb, "
                + "now() + make_interval(secs => ?)) ON CONFLICT (session_id) DO NOTHING";
        this.updateLive = "UPDATE " + t + " SET data = ?::jsonb, expires_at = now() + make_interval(secs => ?),"
                + " updated_at = now() WHERE session_id = ? AND " + live;
        this.get = "SELECT data::text, CASE WHEN expires_at IS NULL THEN NULL"
                + " ELSE EXTRACT(EPOCH FROM expires_at - now()) END, created_at FROM " + t
                + " WHERE session_id = ? AND " + live;
        this.upsert = "INSERT INTO " + t + " (session_id, data, expires_at) VALUES (?, ?::jsonb, "
                + "now() + make_interval(secs => ?)) ON CONFLICT (session_id) DO UPDATE SET data = EXCLUDED.data,"
                + " expires_at = EXCLUDED.expires_at, updated_at = now()";
        this.delete = "DELETE FROM " + t + " WHERE session_id = ?";
        this.exists = "SELECT 1 FROM " + t + " WHERE session_id = ? AND " + live;
        this.expiresIn = "SELECT EXTRACT(EPOCH FROM expires_at - now()) FROM " + t + " WHERE session_id = ? AND "
                + live;
        this.renew = "UPDATE " + t + " SET expires_at = now() + make_interval(secs => ?), updated_at = now()"
                + " WHERE session_id = ? AND " + live;
        this.deleteExpiredBatch = "DELETE FROM " + t + " WHERE session_id IN (SELECT session_id FROM " + t
                + " WHERE expires_at <= now() LIMIT ? FOR UPDATE SKIP LOCKED)";
    }

    public HttpSessionTable table() {
        return table;
    }

    /** The live session with that id; expired rows are hidden even before the purge deletes them. */
    public Optional<StoredSession> get(String id) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(get)) {
            statement.setString(1, id);
            try (ResultSet rs = statement.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                double seconds = rs.getDouble(2);
                Optional<Duration> left = rs.wasNull() ? Optional.empty() : Optional.of(toDuration(seconds));
                return Optional.of(new StoredSession(id, rs.getString(1), left,
                        rs.getObject(3, OffsetDateTime.class)));
            }
        } catch (SQLException e) {
            throw SqlExceptions.translate(e, get);
        }
    }

    /**
     * Inserts or replaces a session (data and expiry).
     *
     * @param ttl time to live from now by the database clock; {@code null} for a session that never expires
     * @throws HttpSessionTooLargeException when the data is over the configured limit
     */
    public void set(String id, String jsonData, Duration ttl) {
        checkSize(jsonData);
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(upsert)) {
            statement.setString(1, id);
            statement.setString(2, jsonData);
            if (ttl == null) {
                statement.setNull(3, Types.DOUBLE);
            } else {
                statement.setDouble(3, seconds(ttl));
            }
            statement.executeUpdate();
        } catch (SQLException e) {
            throw SqlExceptions.translate(e, upsert);
        }
    }

    /**
     * Stores a new session under a new id.
     *
     * @return {@code false} in the (astronomically unlikely) case the id is taken
     */
    public boolean insertNew(String id, String jsonData, Duration ttl) {
        checkSize(jsonData);
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(insertNew)) {
            statement.setString(1, id);
            statement.setString(2, jsonData);
            statement.setDouble(3, seconds(ttl));
            return statement.executeUpdate() == 1;
        } catch (SQLException e) {
            throw SqlExceptions.translate(e, insertNew);
        }
    }

    /**
     * Replaces the data of a live session. A session deleted meanwhile (a logout in another request) is not brought
     * back.
     *
     * @return whether the session was still there
     */
    public boolean updateLive(String id, String jsonData, Duration ttl) {
        checkSize(jsonData);
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(updateLive)) {
            statement.setString(1, jsonData);
            statement.setDouble(2, seconds(ttl));
            statement.setString(3, id);
            return statement.executeUpdate() == 1;
        } catch (SQLException e) {
            throw SqlExceptions.translate(e, updateLive);
        }
    }

    private void checkSize(String jsonData) {
        int size = jsonData.getBytes(StandardCharsets.UTF_8).length;
        if (size > maxSize) {
            throw new HttpSessionTooLargeException(size, maxSize);
        }
    }

    /** Deletes a session; a missing one is not an error. */
    public void delete(String id) {
        update(delete, id);
    }

    /** Deletes every session (for tests and "log everyone out"). */
    public long deleteAll() {
        String sql = "DELETE FROM " + table.name();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            return statement.executeLargeUpdate();
        } catch (SQLException e) {
            throw SqlExceptions.translate(e, sql);
        }
    }

    public boolean exists(String id) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(exists)) {
            statement.setString(1, id);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw SqlExceptions.translate(e, exists);
        }
    }

    /**
     * How long a live session has left; empty when it never expires or does not exist (see {@link #exists}).
     */
    public Optional<Duration> expiresIn(String id) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(expiresIn)) {
            statement.setString(1, id);
            try (ResultSet rs = statement.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                double seconds = rs.getDouble(1);
                return rs.wasNull() ? Optional.empty() : Optional.of(toDuration(seconds));
            }
        } catch (SQLException e) {
            throw SqlExceptions.translate(e, expiresIn);
        }
    }

    /**
     * Moves a live session's expiry to {@code ttl} from now.
     *
     * @return whether a live session was renewed (an expired one is not brought back)
     */
    public boolean renew(String id, Duration ttl) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(renew)) {
            statement.setDouble(1, seconds(ttl));
            statement.setString(2, id);
            return statement.executeUpdate() == 1;
        } catch (SQLException e) {
            throw SqlExceptions.translate(e, renew);
        }
    }

    /**
     * Deletes expired sessions in batches of {@code batchSize} (short transactions, rows locked by a concurrent purge
     * skipped).
     *
     * @return how many were deleted
     */
    public long deleteExpired(int batchSize) {
        long total = 0;
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(deleteExpiredBatch)) {
            int deleted;
            do {
                statement.setInt(1, batchSize);
                deleted = statement.executeUpdate();
                total += deleted;
            } while (deleted == batchSize);
            return total;
        } catch (SQLException e) {
            throw SqlExceptions.translate(e, deleteExpiredBatch);
        }
    }

    private int update(String sql, String id) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, id);
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw SqlExceptions.translate(e, sql);
        }
    }

    private static double seconds(Duration ttl) {
        return ttl.toNanos() / 1_000_000_000.0;
    }

    private static Duration toDuration(double seconds) {
        return Duration.ofNanos(Math.round(seconds * 1_000_000_000.0));
    }
}
