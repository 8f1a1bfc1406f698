package io.quarkiverse.sqlspec.runtime.httpsession;

import org.jboss.logging.Logger;

import io.quarkiverse.sqlspec.runtime.database.DbSessions;

/**
 * Deletes expired sessions, in batches, in one transaction. Several instances may share the table, so each run first
 * takes a PostgreSQL advisory lock named after the table, for the length of its transaction; an instance that does not
 * get it skips that run.
 */
final class HttpSessionPurger {

    private static final Logger LOG = Logger.getLogger(HttpSessionPurger.class);

    private final DbSessions dbSessions;
    private final String dataSource;
    private final HttpSessionRepository repository;
    private final String lockName;
    private final int batchSize;

    HttpSessionPurger(DbSessions dbSessions, String dataSource, HttpSessionRepository repository,
            HttpSessionTable table, int batchSize) {
        this.dbSessions = dbSessions;
        this.dataSource = dataSource;
        this.repository = repository;
        this.lockName = "sqlspec-sessions:" + table.name();
        this.batchSize = batchSize;
    }

    /**
     * @return how many sessions were deleted, or {@code -1} when another instance is purging
     */
    long purgeOnce() {
        return dbSessions.transaction(dataSource, db -> {
            if (!db.selectValue(Boolean.class, "SELECT pg_try_advisory_xact_lock(hashtext(?))", lockName)) {
                return -1L;
            }
            long total = 0;
            long deleted;
            do {
                deleted = repository.deleteExpiredBatch(batchSize);
                total += deleted;
            } while (deleted == batchSize);
            if (total > 0) {
                LOG.debugf("Deleted %d expired sessions (%s)", total, lockName);
            }
            return total;
        });
    }

    /** The periodic purge: a failure is logged, and the next run tries again. */
    void purgeQuietly() {
        try {
            purgeOnce();
        } catch (RuntimeException e) {
            LOG.warnf(e, "Purging expired sessions failed; the next run tries again");
        }
    }
}
