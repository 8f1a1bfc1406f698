package io.quarkiverse.sqlspec.runtime.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jboss.logging.Logger;

import io.quarkiverse.sqlspec.exception.DatabaseException;
import io.quarkiverse.sqlspec.exception.SqlSpecException;
import io.quarkiverse.sqlspec.runtime.jdbc.SqlExceptions;
import io.quarkiverse.sqlspec.runtime.mapping.JdbcResultRow;
import io.quarkiverse.sqlspec.runtime.mapping.ResultRow;

/**
 * One pooled connection lent to a scope (an HTTP request, a programmatic transaction, a CDI request context), with the
 * state needed to end it cleanly: the statements whose results are still open, whether uncommitted work exists, the
 * savepoints by name.
 * <p>
 * Transactional connections run with auto-commit off and are committed or rolled back by their scope; the others
 * (outside HTTP requests and transactions) commit every statement. Agroal restores isolation, read-only and
 * auto-commit when the connection goes back to the pool.
 */
final class ManagedConnection implements ResultOrigin {

    private static final Logger LOG = Logger.getLogger(ManagedConnection.class);

    /** How the connection's transactions end. */
    enum Mode {
        /**
         * Committed or rolled back by the scope. The transaction begins with the first statement that may write
         * (reads before it run in auto-commit, see ReadOnlyStatements), so a request that only reads costs no
         * BEGIN/COMMIT round trips.
         */
        LOCAL_TRANSACTION,
        /** Every statement commits on its own. */
        AUTO_COMMIT,
        /** Enlisted in a JTA transaction by Agroal; JTA decides, the connection is never committed here. */
        JTA
    }

    private final DataSourceRuntime dataSource;
    private final Connection connection;
    private final Mode mode;
    private final SqlExceptions errors;
    private final boolean transactional;
    private final List<Statement> openStatements = new ArrayList<>(2);
    private Map<String, Savepoint> savepoints;
    /** The failed statement that aborted the current transaction (PostgreSQL, DuckDB): a commit would save nothing. */
    private DatabaseException abortedBy;
    private boolean uncommittedWork;
    private boolean inTransaction;
    /** A transaction begun only to hold a cursor on an auto-commit connection; it ends with the cursor. */
    private boolean cursorTransaction;
    private boolean closed;

    private ManagedConnection(DataSourceRuntime dataSource, Connection connection, Mode mode, SqlExceptions errors) {
        this.dataSource = dataSource;
        this.connection = connection;
        this.mode = mode;
        this.errors = errors;
        this.transactional = mode == Mode.LOCAL_TRANSACTION;
    }

    static ManagedConnection open(DataSourceRuntime dataSource, Mode mode, SqlExceptions errors) {
        Connection connection;
        try {
            connection = dataSource.pool().getConnection();
        } catch (SQLException e) {
            throw errors.acquisitionFailed(e);
        }
        // No getAutoCommit() check: Agroal lends connections in the pool's auto-commit mode (Quarkus leaves it on) and
        // restores it when they come back, whatever the borrower did; under JTA, Agroal manages it.
        return new ManagedConnection(dataSource, connection, mode, errors);
    }

    DataSourceRuntime dataSource() {
        return dataSource;
    }

    @Override
    public SqlExceptions errors() {
        return errors;
    }

    @Override
    public String describe() {
        return dataSource.describe();
    }

    @Override
    public void resultRead(ResultRow rows) {
        Statement statement = ((JdbcResultRow) rows).statement();
        untrack(statement);
        try {
            statement.close();
        } catch (SQLException ignored) {
            // every row has been read; nothing is lost
        }
    }

    /** The raw connection for application code, which may do anything with it: the transaction begins now. */
    Connection connection() {
        checkOpen();
        beginTransaction();
        return connection;
    }

    boolean isTransactional() {
        return transactional;
    }

    /** Whether a transaction is open: ending this loan then takes a COMMIT or ROLLBACK round trip. */
    boolean inTransaction() {
        return inTransaction;
    }

    boolean hasUncommittedWork() {
        return uncommittedWork;
    }

    /**
     * @param readOnly whether the statement can only read: it then runs before the transaction begins, if it has not
     */
    PreparedStatement prepare(String jdbcSql, boolean readOnly) throws SQLException {
        checkOpen();
        if (!readOnly) {
            beginTransaction();
        }
        PreparedStatement statement = connection.prepareStatement(jdbcSql);
        uncommittedWork |= inTransaction;
        return statement;
    }

    /**
     * A query whose rows are fetched {@code fetchSize} at a time. PostgreSQL keeps a cursor only inside a transaction
     * (pgjdbc reads every row at once in auto-commit), so one begins: the scope's own, or, on an auto-commit
     * connection, one that {@link #cursorClosed} ends. Reading alone is no uncommitted work.
     */
    PreparedStatement prepareCursor(String jdbcSql, int fetchSize) throws SQLException {
        checkOpen();
        if (mode == Mode.AUTO_COMMIT && !inTransaction) {
            connection.setAutoCommit(false);
            inTransaction = true;
            cursorTransaction = true;
        } else {
            beginTransaction();
        }
        PreparedStatement statement = connection.prepareStatement(jdbcSql, ResultSet.TYPE_FORWARD_ONLY,
                ResultSet.CONCUR_READ_ONLY);
        try {
            statement.setFetchSize(fetchSize);
        } catch (SQLFeatureNotSupportedException e) {
            // a driver without fetch sizes (DuckDB) streams, or not, by its own settings
        }
        track(statement);
        return statement;
    }

    /** The cursor of {@link #prepareCursor} is closed: its own transaction, if it had one, ends. */
    void cursorClosed(Statement statement) {
        untrack(statement);
        if (cursorTransaction && openStatements.isEmpty() && !closed) {
            cursorTransaction = false;
            try {
                // in auto-commit use every statement commits on its own: whatever ran beside the cursor does now
                connection.commit();
                endTransaction();
            } catch (SQLException e) {
                throw errors.translate(e, "COMMIT");
            }
        }
    }

    Statement createStatement() throws SQLException {
        checkOpen();
        beginTransaction();
        Statement statement = connection.createStatement();
        uncommittedWork = inTransaction;
        return statement;
    }

    /** pgjdbc sends BEGIN with the next statement: turning auto-commit off costs no round trip. */
    private void beginTransaction() {
        if (!transactional || inTransaction) {
            return;
        }
        try {
            connection.setAutoCommit(false);
            inTransaction = true;
        } catch (SQLException e) {
            throw errors.translate(e, "BEGIN");
        }
    }

    /** Back to auto-commit (no round trip: no transaction is open), so the next reads again need no BEGIN. */
    private void endTransaction() throws SQLException {
        inTransaction = false;
        cursorTransaction = false;
        uncommittedWork = false;
        savepoints = null;
        abortedBy = null;
        connection.setAutoCommit(true);
    }

    /** A statement whose result the caller has not read yet; closed at the latest when the transaction ends. */
    void track(Statement statement) {
        openStatements.add(statement);
    }

    void untrack(Statement statement) {
        openStatements.remove(statement);
    }

    /**
     * PostgreSQL and DuckDB abort a transaction at its first failed statement; a commit then ends it without saving
     * anything, and the driver may not say so (DuckDB never does, pgjdbc neither). Remembered so that such a commit
     * fails instead of reporting success for data that was not saved.
     */
    void statementFailed(DatabaseException error) {
        if (inTransaction && abortedBy == null && dataSource.dialect().abortsTransactionOn(error.sqlState())) {
            abortedBy = error;
        }
    }

    void commit() {
        checkOpen();
        refuseUnderJta("commit");
        closeOpenStatements();
        if (!inTransaction) {
            return;
        }
        if (abortedBy != null) {
            DatabaseException cause = abortedBy;
            rollback();
            throw notCommitted(dataSource, cause);
        }
        try {
            connection.commit();
            endTransaction();
        } catch (SQLException e) {
            uncommittedWork = false;
            throw errors.translate(e, "COMMIT");
        }
    }

    /** The commit of a transaction that {@code cause} aborted: it saved nothing. */
    static DatabaseException notCommitted(DataSourceRuntime dataSource, DatabaseException cause) {
        return new DatabaseException("Not committed: an earlier statement of this transaction on "
                + dataSource.describe() + " failed (" + cause.getMessage() + "), and "
                + dataSource.dialect().displayName() + " aborts a transaction after a failed statement, so"
                + " nothing it wrote was saved. To carry on after an expected error, roll back to a savepoint"
                + " taken before the statement", "25P02", null, cause);
    }

    void rollback() {
        checkOpen();
        refuseUnderJta("rollback");
        closeOpenStatements();
        if (!inTransaction) {
            return;
        }
        try {
            connection.rollback();
            endTransaction();
        } catch (SQLException e) {
            throw errors.translate(e, "ROLLBACK");
        } finally {
            uncommittedWork = false;
            savepoints = null;
            abortedBy = null;
        }
    }

    void savepoint(String name) {
        requireTransaction("savepoint");
        beginTransaction();
        try {
            if (savepoints == null) {
                savepoints = new HashMap<>();
            }
            savepoints.put(name, connection.setSavepoint(name));
            uncommittedWork = true;
        } catch (SQLFeatureNotSupportedException e) {
            throw new SqlSpecException("savepoint(\"" + name + "\"): " + dataSource.describe() + " is a "
                    + dataSource.dialect().displayName() + " database, and its JDBC driver has no savepoints ("
                    + e.getMessage() + "). Run the part that may fail in a transaction of its own instead", e);
        } catch (SQLException e) {
            throw errors.translate(e, "SAVEPOINT " + name);
        }
    }

    void rollbackTo(String name) {
        requireTransaction("rollbackTo");
        try {
            connection.rollback(savepoint(name, "rollbackTo"));
            abortedBy = null; // the failed statement came after the savepoint: the transaction goes on
        } catch (SQLException e) {
            throw errors.translate(e, "ROLLBACK TO SAVEPOINT " + name);
        }
    }

    void release(String name) {
        requireTransaction("release");
        try {
            connection.releaseSavepoint(savepoint(name, "release"));
            savepoints.remove(name);
        } catch (SQLException e) {
            throw errors.translate(e, "RELEASE SAVEPOINT " + name);
        }
    }

    /**
     * Ends the loan, whatever happened: open results closed, uncommitted work rolled back, connection back to the pool.
     *
     * @return whether uncommitted work had to be rolled back
     */
    boolean close() {
        if (closed) {
            return false;
        }
        closed = true;
        closeOpenStatements();
        boolean rolledBack = false;
        try {
            if (inTransaction && uncommittedWork) {
                connection.rollback();
                rolledBack = true;
            }
            if (inTransaction) {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            LOG.debugf(e, "Rolling back %s at the end of its scope failed; the pool discards the connection",
                    dataSource.describe());
        } finally {
            closeQuietly(connection);
        }
        return rolledBack;
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    private Savepoint savepoint(String name, String operation) {
        Savepoint savepoint = savepoints == null ? null : savepoints.get(name);
        if (savepoint == null) {
            throw new SqlSpecException(operation + "(\"" + name + "\"): no savepoint of that name is active on "
                    + dataSource.describe() + "; known savepoints: "
                    + (savepoints == null ? "[]" : savepoints.keySet()));
        }
        return savepoint;
    }

    private void refuseUnderJta(String operation) {
        if (mode == Mode.JTA) {
            throw new SqlSpecException(operation + "() is not allowed while a JTA transaction (@Transactional) is"
                    + " active on " + dataSource.describe() + ": the JTA transaction decides. Throw an exception or call"
                    + " TransactionManager.setRollbackOnly() to roll it back");
        }
    }

    private void requireTransaction(String operation) {
        checkOpen();
        if (mode == Mode.AUTO_COMMIT) {
            throw new SqlSpecException(operation + "() needs a transaction, and " + dataSource.describe()
                    + " is used outside one here (each statement commits on its own). Use it inside an HTTP request or"
                    + " SqlSpec.transaction(...)");
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new DbSessionEndedException(dataSource.describe());
        }
    }

    private void closeOpenStatements() {
        for (int i = openStatements.size() - 1; i >= 0; i--) {
            try {
                openStatements.get(i).close();
            } catch (SQLException e) {
                LOG.debugf(e, "Closing a statement on %s failed", dataSource.describe());
            }
        }
        openStatements.clear();
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.debug("Returning a connection to the pool failed", e);
        }
    }
}
