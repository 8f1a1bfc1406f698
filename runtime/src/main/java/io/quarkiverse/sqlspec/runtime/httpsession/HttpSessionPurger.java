package io.quarkiverse.sqlspec.runtime.httpsession;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.jboss.logging.Logger;

/**
 * Deletes expired sessions periodically. Several instances may share the table, so each run first takes a
 * PostgreSQL advisory lock named after the table; an instance that does not get it skips that run.
 */
public final class HttpSessionPurger {

    private static final Logger LOG = Logger.getLogger(HttpSessionPurger.class);

    private final DataSource dataSource;
    private final HttpSessionRepository store;
    private final int batchSize;

    public HttpSessionPurger(DataSource dataSource, HttpSessionRepository store, int batchSize) {
        this.dataSource = dataSource;
        this.store = store;
        this.batchSize = batchSize;
    }

    /**
     * @return how many sessions were deleted, or {@code -1} when another instance is purging
     */
    public long purgeOnce() {
        String lockName = "sqlspec-sessions:" + store.table().name();
        try (Connection lockHolder = dataSource.getConnection()) {
            if (!lock(lockHolder, "SELECT pg_try_advisory_lock(hashtext(?))", lockName)) {
                return -1;
            }
            try {
                long deleted = store.deleteExpired(batchSize);
                if (deleted > 0) {
                    LOG.debugf("Deleted %d expired sessions from %s", deleted, store.table().name());
                }
                return deleted;
            } finally {
                lock(lockHolder, "SELECT pg_advisory_unlock(hashtext(?))", lockName);
            }
        } catch (SQLException e) {
            LOG.warnf(e, "Purging expired sessions failed; the next run tries again");
            return 0;
        }
    }

    private static boolean lock(Connection connection, String sql, String name) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, name);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }
}
