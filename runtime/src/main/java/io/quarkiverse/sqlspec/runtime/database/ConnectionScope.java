package io.quarkiverse.sqlspec.runtime.database;

import java.util.function.Supplier;

import org.jboss.logging.Logger;

import io.quarkiverse.sqlspec.CommitMode;
import io.quarkiverse.sqlspec.exception.DatabaseException;
import io.quarkiverse.sqlspec.runtime.jdbc.SqlExceptions;

/**
 * Where connections live for a unit of work: at most one per datasource, taken on first use, ended together.
 * Subclasses say when the unit starts and ends (an HTTP request, a programmatic transaction, a CDI request context).
 */
abstract class ConnectionScope {

    private static final Logger LOG = Logger.getLogger(ConnectionScope.class);

    private final ManagedConnection.Mode mode;
    private final ManagedConnection[] connections;
    private volatile boolean ended;

    ConnectionScope(int dataSourceCount, ManagedConnection.Mode mode) {
        this.connections = new ManagedConnection[dataSourceCount];
        this.mode = mode;
    }

    synchronized ManagedConnection connection(DataSourceRuntime dataSource, SqlExceptions errors) {
        if (ended) {
            throw new DbSessionEndedException(dataSource.describe());
        }
        ManagedConnection connection = connections[dataSource.index()];
        if (connection == null) {
            connection = ManagedConnection.open(dataSource, mode, errors);
            connections[dataSource.index()] = connection;
        }
        return connection;
    }

    /**
     * Runs {@code work} in a transaction of its own on this scope's connection to {@code dataSource}: what the
     * application left uncommitted there is rolled back first (with the manual-mode warning), what {@code work} does
     * is committed when it returns.
     */
    synchronized <T> T inSeparateTransaction(DataSourceRuntime dataSource, SqlExceptions errors, Supplier<T> work) {
        ManagedConnection connection = connection(dataSource, errors);
        if (connection.hasUncommittedWork()) {
            connection.rollback();
            warnUncommittedWork(connection);
        }
        try {
            T result = work.get();
            connection.commit();
            return result;
        } catch (RuntimeException e) {
            connection.rollback();
            throw e;
        }
    }

    synchronized boolean hasConnections() {
        for (ManagedConnection connection : connections) {
            if (connection != null) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether ending this scope needs no database round trip: no connection has a transaction open (a request that
     * only read), so ending it closes statements and hands connections back to the pool, work done in memory.
     */
    public synchronized boolean endsWithoutRoundTrip() {
        for (ManagedConnection connection : connections) {
            if (connection != null && connection.inTransaction()) {
                return false;
            }
        }
        return true;
    }

    public boolean isEnded() {
        return ended;
    }

    /**
     * Commits or rolls back each datasource, in the fixed order, as its policy says for {@code status}, then returns
     * every connection to the pool. When a commit fails, the datasources after it are rolled back (the ones before it
     * stay committed: several databases are not one atomic transaction).
     *
     * @return the commit failure, or {@code null}
     */
    synchronized DatabaseException finish(int status) {
        return finish(status, null);
    }

    /**
     * Commits every datasource regardless of its HTTP commit mode (a programmatic transaction whose work returned).
     */
    synchronized DatabaseException commitAll() {
        return finish(200, CommitPolicy.Decision.COMMIT);
    }

    private DatabaseException finish(int status, CommitPolicy.Decision forced) {
        if (ended) {
            return null;
        }
        DatabaseException failure = null;
        for (ManagedConnection connection : connections) {
            if (connection == null || connection.isClosed()) {
                continue;
            }
            CommitPolicy.Decision decision = failure != null ? CommitPolicy.Decision.ROLLBACK
                    : forced != null ? forced : connection.dataSource().policy().decide(status);
            failure = end(connection, decision, status, failure);
        }
        release();
        return failure;
    }

    /**
     * Rolls back whatever is still open and returns every connection to the pool. Safe to call more than once.
     */
    synchronized void release() {
        if (ended) {
            return;
        }
        ended = true;
        for (int i = 0; i < connections.length; i++) {
            ManagedConnection connection = connections[i];
            if (connection != null) {
                connections[i] = null;
                boolean hadWork = connection.hasUncommittedWork();
                if (connection.close() && hadWork && warnsOnUncommittedWork()) {
                    warnUncommittedWork(connection);
                }
            }
        }
    }

    private static void warnUncommittedWork(ManagedConnection connection) {
        if (connection.dataSource().policy().mode() == CommitMode.MANUAL) {
            LOG.warnf("Uncommitted work on %s was rolled back at the end of the request: in manual commit mode, call"
                    + " DbSession.commit() to keep it", connection.dataSource().describe());
        }
    }

    /** Whether work left uncommitted at the end is a mistake worth a warning (manual mode in a request). */
    boolean warnsOnUncommittedWork() {
        return false;
    }

    private static DatabaseException end(ManagedConnection connection, CommitPolicy.Decision decision, int status,
            DatabaseException earlier) {
        switch (decision) {
            case COMMIT:
                try {
                    connection.commit();
                } catch (DatabaseException e) {
                    LOG.errorf(e, "Commit of %s failed for a response with status %d; the client gets an error instead",
                            connection.dataSource().describe(), status);
                    return e;
                }
                return earlier;
            case ROLLBACK:
                try {
                    connection.rollback();
                } catch (DatabaseException e) {
                    LOG.debugf(e, "Rollback of %s failed", connection.dataSource().describe());
                }
                return earlier;
            default:
                return earlier;
        }
    }
}
