package io.quarkiverse.sqlspec.runtime.database;

import java.util.function.Supplier;

import org.jboss.logging.Logger;

import io.quarkiverse.sqlspec.CommitMode;
import io.quarkiverse.sqlspec.exception.DatabaseException;
import io.quarkiverse.sqlspec.exception.SqlSpecException;
import io.quarkiverse.sqlspec.runtime.jdbc.SqlExceptions;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;

/**
 * Where connections live for a unit of work: at most one per datasource, taken on first use, ended together.
 * Subclasses say when the unit starts and ends (an HTTP request, a programmatic transaction, a CDI request context).
 */
abstract class ConnectionScope {

    private static final Logger LOG = Logger.getLogger(ConnectionScope.class);

    private final ManagedConnection.Mode mode;
    private final ManagedConnection[] connections;
    /** Connections of the reactive client, by datasource (db.async() on the event loop); HTTP requests only. */
    private ReactiveConnection[] reactive;
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
            if (reactive != null && reactive[dataSource.index()] != null) {
                throw new SqlSpecException("This request already runs its statements on " + dataSource.describe()
                        + " through the reactive client (db.async() on the event loop), and a request has one"
                        + " connection per datasource: a blocking call here would need a second one. Use db.async()"
                        + " for every statement of this request, or set "
                        + CommitPolicy.property(dataSource.name(), "async-driver") + "=jdbc");
            }
            connection = ManagedConnection.open(dataSource, mode, errors);
            connections[dataSource.index()] = connection;
        }
        return connection;
    }

    /**
     * The request's reactive connection to {@code dataSource}, opened on first use; {@code null} when the request
     * already holds a JDBC connection to it, whose transaction its async statements then join (on a worker thread).
     */
    synchronized ReactiveConnection reactiveConnection(DataSourceRuntime dataSource, Pool pool, SqlExceptions errors) {
        if (ended) {
            throw new DbSessionEndedException(dataSource.describe());
        }
        int index = dataSource.index();
        if (connections[index] != null) {
            return null;
        }
        if (reactive == null) {
            reactive = new ReactiveConnection[connections.length];
        }
        ReactiveConnection connection = reactive[index];
        if (connection == null) {
            connection = ReactiveConnection.open(dataSource, pool, errors);
            reactive[index] = connection;
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
            warnUncommittedWork(dataSource);
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

    /**
     * Whether ending this scope needs no database round trip: no connection has a transaction open (a request that
     * only read), so ending it closes statements and hands connections back to the pool, work done in memory.
     */
    public synchronized boolean endsWithoutRoundTrip() {
        if (reactive != null) {
            for (ReactiveConnection connection : reactive) {
                if (connection != null && connection.inTransaction()) {
                    return false;
                }
            }
        }
        return endsWithoutJdbcRoundTrip();
    }

    /**
     * Whether no JDBC connection has a transaction open: the round trips of ending this scope, if any, are the
     * reactive client's, and nothing needs a worker thread ({@link #finishWithoutWorker}).
     */
    public synchronized boolean endsWithoutJdbcRoundTrip() {
        for (ManagedConnection connection : connections) {
            if (connection != null && connection.inTransaction()) {
                return false;
            }
        }
        return true;
    }

    /** Whether a JDBC connection was taken: releasing it may roll back, which must not run on the event loop. */
    synchronized boolean hasJdbcConnections() {
        for (ManagedConnection connection : connections) {
            if (connection != null) {
                return true;
            }
        }
        return false;
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
        for (int i = 0; i < connections.length; i++) {
            ManagedConnection connection = connections[i];
            ReactiveConnection reactiveConnection = reactive == null ? null : reactive[i];
            if (connection != null && !connection.isClosed()) {
                CommitPolicy.Decision decision = failure != null ? CommitPolicy.Decision.ROLLBACK
                        : forced != null ? forced : connection.dataSource().policy().decide(status);
                failure = end(connection, decision, status, failure);
            } else if (reactiveConnection != null && reactiveConnection.inTransaction()) {
                CommitPolicy.Decision decision = failure != null ? CommitPolicy.Decision.ROLLBACK
                        : reactiveConnection.dataSource().policy().decide(status);
                // on a worker thread (a JDBC datasource of this request needed one): waiting costs no event loop
                DatabaseException reactiveFailure = end(reactiveConnection, decision, status).toCompletionStage()
                        .toCompletableFuture().join();
                failure = failure != null ? failure : reactiveFailure;
            }
        }
        release();
        return failure;
    }

    /**
     * {@link #finish(int)} when only reactive connections have a transaction open ({@link #endsWithoutJdbcRoundTrip}):
     * each is committed or rolled back in the fixed order without a thread waiting, on the event loop.
     *
     * @return the commit failure, or {@code null}
     */
    synchronized Future<DatabaseException> finishWithoutWorker(int status) {
        Future<DatabaseException> ending = Future.succeededFuture();
        if (!ended && reactive != null) {
            for (ReactiveConnection connection : reactive) {
                if (connection == null || !connection.inTransaction()) {
                    continue;
                }
                ending = ending.compose(failure -> {
                    CommitPolicy.Decision decision = failure != null ? CommitPolicy.Decision.ROLLBACK
                            : connection.dataSource().policy().decide(status);
                    return end(connection, decision, status).map(next -> failure != null ? failure : next);
                });
            }
        }
        return ending.andThen(ignored -> release());
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
                    warnUncommittedWork(connection.dataSource());
                }
            }
            ReactiveConnection reactiveConnection = reactive == null ? null : reactive[i];
            if (reactiveConnection != null && reactiveConnection.close() && warnsOnUncommittedWork()) {
                warnUncommittedWork(reactiveConnection.dataSource());
            }
        }
    }

    private static void warnUncommittedWork(DataSourceRuntime dataSource) {
        if (dataSource.policy().mode() == CommitMode.MANUAL) {
            LOG.warnf("Uncommitted work on %s was rolled back at the end of the request: in manual commit mode, call"
                    + " DbSession.commit() to keep it", dataSource.describe());
        }
    }

    /** Whether work left uncommitted at the end is a mistake worth a warning (manual mode in a request). */
    boolean warnsOnUncommittedWork() {
        return false;
    }

    /** {@link #end(ManagedConnection, CommitPolicy.Decision, int, DatabaseException)} for a reactive connection. */
    private static Future<DatabaseException> end(ReactiveConnection connection, CommitPolicy.Decision decision,
            int status) {
        switch (decision) {
            case COMMIT:
                return connection.commit().transform(done -> {
                    if (done.succeeded()) {
                        return Future.succeededFuture();
                    }
                    DatabaseException failure = asDatabaseException(done.cause());
                    LOG.errorf(failure, "Commit of %s failed for a response with status %d; the client gets an error"
                            + " instead", connection.dataSource().describe(), status);
                    return Future.succeededFuture(failure);
                });
            case ROLLBACK:
                return connection.rollback().transform(done -> {
                    if (done.failed()) {
                        LOG.debugf(done.cause(), "Rollback of %s failed", connection.dataSource().describe());
                    }
                    return Future.succeededFuture();
                });
            default:
                return Future.succeededFuture();
        }
    }

    private static DatabaseException asDatabaseException(Throwable failure) {
        return failure instanceof DatabaseException database ? database
                : new DatabaseException(String.valueOf(failure.getMessage()), null, null, failure);
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
