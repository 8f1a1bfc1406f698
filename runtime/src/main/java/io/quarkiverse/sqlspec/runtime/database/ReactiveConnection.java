package io.quarkiverse.sqlspec.runtime.database;

import java.util.List;

import io.quarkiverse.sqlspec.exception.DatabaseException;
import io.quarkiverse.sqlspec.runtime.jdbc.SqlExceptions;
import io.quarkiverse.sqlspec.runtime.mapping.ResultRow;
import io.quarkiverse.sqlspec.runtime.reactive.ReactiveErrors;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

/**
 * The request's connection to a datasource through the reactive PostgreSQL client: what {@link ManagedConnection} is
 * for JDBC, without a thread waiting on it. Every method is called on the request's event loop, which also runs every
 * callback, so the state needs no locking.
 * <p>
 * As with JDBC, the transaction begins with the first statement that may write, and its {@code BEGIN} goes out in the
 * same round trip as that statement (the client pipelines them); reads before it run in auto-commit.
 */
final class ReactiveConnection implements ResultOrigin {

    private final DataSourceRuntime dataSource;
    private final SqlExceptions errors;
    private final Future<SqlConnection> connection;
    private boolean inTransaction;
    private boolean uncommittedWork;
    /** The failed statement that aborted the current transaction: a commit would save nothing. */
    private DatabaseException abortedBy;
    private boolean closed;

    private ReactiveConnection(DataSourceRuntime dataSource, SqlExceptions errors, Future<SqlConnection> connection) {
        this.dataSource = dataSource;
        this.errors = errors;
        this.connection = connection;
    }

    static ReactiveConnection open(DataSourceRuntime dataSource, Pool pool, SqlExceptions errors) {
        return new ReactiveConnection(dataSource, errors, pool.getConnection()
                .recover(failure -> Future.failedFuture(errors.acquisitionFailed(ReactiveErrors.toSqlException(failure)))));
    }

    DataSourceRuntime dataSource() {
        return dataSource;
    }

    /**
     * Sends a prepared statement (PostgreSQL's numbered placeholders), preceded by {@code BEGIN} when it is the first
     * statement that may write. Failures are the driver's: the caller translates them with the statement's text.
     */
    Future<RowSet<Row>> execute(String text, Tuple parameters, boolean readOnly) {
        if (closed) {
            return Future.failedFuture(new DbSessionEndedException(dataSource.describe()));
        }
        boolean begin = !readOnly && !inTransaction;
        inTransaction |= begin;
        uncommittedWork |= inTransaction;
        return connection.compose(sql -> {
            if (!begin) {
                return sql.preparedQuery(text).execute(parameters);
            }
            Future<RowSet<Row>> started = sql.query("BEGIN").execute();
            Future<RowSet<Row>> statement = sql.preparedQuery(text).execute(parameters);
            return started.compose(ignored -> statement);
        });
    }

    /** A batch: one statement, many parameter rows, in the transaction (which it begins). */
    Future<RowSet<Row>> executeBatch(String text, List<Tuple> batch) {
        if (closed) {
            return Future.failedFuture(new DbSessionEndedException(dataSource.describe()));
        }
        boolean begin = !inTransaction;
        inTransaction = true;
        uncommittedWork = true;
        return connection.compose(sql -> {
            Future<RowSet<Row>> started = begin ? sql.query("BEGIN").execute() : Future.succeededFuture();
            Future<RowSet<Row>> statement = sql.preparedQuery(text).executeBatch(batch);
            return started.compose(ignored -> statement);
        });
    }

    /** As {@link ManagedConnection#statementFailed}: remembers the failure that aborted the transaction. */
    void statementFailed(DatabaseException error) {
        if (inTransaction && abortedBy == null && dataSource.dialect().abortsTransactionOn(error.sqlState())) {
            abortedBy = error;
        }
    }

    boolean inTransaction() {
        return inTransaction;
    }

    boolean hasUncommittedWork() {
        return uncommittedWork;
    }

    Future<Void> commit() {
        if (closed) {
            return Future.failedFuture(new DbSessionEndedException(dataSource.describe()));
        }
        if (!inTransaction) {
            return Future.succeededFuture();
        }
        DatabaseException aborted = abortedBy;
        if (aborted != null) {
            return rollback().compose(ignored -> Future.failedFuture(ManagedConnection.notCommitted(dataSource, aborted)));
        }
        return end("COMMIT");
    }

    Future<Void> rollback() {
        if (closed) {
            return Future.failedFuture(new DbSessionEndedException(dataSource.describe()));
        }
        if (!inTransaction) {
            return Future.succeededFuture();
        }
        return end("ROLLBACK");
    }

    private Future<Void> end(String command) {
        inTransaction = false;
        uncommittedWork = false;
        abortedBy = null;
        return connection.compose(sql -> sql.query(command).execute())
                .transform(done -> done.succeeded() ? Future.succeededFuture()
                        : Future.failedFuture(errors.translate(ReactiveErrors.toSqlException(done.cause()), command)));
    }

    /**
     * Ends the loan: an open transaction is rolled back, the connection goes back to the pool. Nothing waits for it.
     *
     * @return whether uncommitted work had to be rolled back
     */
    boolean close() {
        if (closed) {
            return false;
        }
        boolean open = inTransaction;
        boolean rolledBack = open && uncommittedWork;
        closed = true;
        inTransaction = false;
        connection.onSuccess(sql -> {
            Future<?> ended = open ? sql.query("ROLLBACK").execute() : Future.succeededFuture();
            // a connection whose ROLLBACK failed is broken: the pool drops it when it is closed
            ended.onComplete(ignored -> sql.close());
        });
        return rolledBack;
    }

    @Override
    public SqlExceptions errors() {
        return errors;
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    @Override
    public String describe() {
        return dataSource.describe();
    }

    @Override
    public void resultRead(ResultRow rows) {
        // the rows are in memory: nothing to close
    }
}
