package io.quarkiverse.sqlspec.runtime.jdbc;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTimeoutException;
import java.util.regex.Pattern;

import io.quarkiverse.sqlspec.exception.AcquisitionTimeoutException;
import io.quarkiverse.sqlspec.exception.BadSqlException;
import io.quarkiverse.sqlspec.exception.CheckViolationException;
import io.quarkiverse.sqlspec.exception.ConnectionLostException;
import io.quarkiverse.sqlspec.exception.DataException;
import io.quarkiverse.sqlspec.exception.DatabaseException;
import io.quarkiverse.sqlspec.exception.DeadlockException;
import io.quarkiverse.sqlspec.exception.ForeignKeyViolationException;
import io.quarkiverse.sqlspec.exception.NotNullViolationException;
import io.quarkiverse.sqlspec.exception.QueryTimeoutException;
import io.quarkiverse.sqlspec.exception.SerializationFailureException;
import io.quarkiverse.sqlspec.exception.UniqueViolationException;

/**
 * Translates JDBC exceptions into SQLSpec's {@link DatabaseException} hierarchy by SQLSTATE (derived from the message
 * for DuckDB, which reports none), and keeps row values out of them.
 * <p>
 * PostgreSQL puts row values in its error reports: the {@code Detail} of a constraint violation
 * ({@code Failing row contains (3, null, ...)}, {@code Key (email)=(a@b.c) already exists}), the value that a data
 * error could not read, the bound values of a failed batch entry. Parameters are masked in statement logs; unless
 * {@code quarkus.sqlspec.log-error-details=true}, these are masked too, in the message and in the JDBC exception kept
 * as the cause (which is what gets logged).
 */
public final class SqlExceptions {

    /** pgjdbc writes each further field of the error report on a line of its own: Detail, Hint, Position, Where. */
    private static final Pattern FURTHER_FIELDS = Pattern.compile("\\n\\s*(Detail|Hint|Position|Where|Internal Query|"
            + "Location|Server SQLState|Call getNextException)[\\s\\S]*");
    /** "Batch entry 3 INSERT INTO t VALUES ('secret') was aborted: ..." carries the entry's bound values. */
    private static final Pattern BATCH_ENTRY = Pattern.compile("Batch entry (\\d+) [\\s\\S]*? was aborted");
    /** A data error names the value it could not read last: {@code invalid input syntax for type integer: "abc"}. */
    private static final Pattern QUOTED_VALUE = Pattern.compile(": \"[\\s\\S]*\"$");

    private final boolean showDetails;

    /**
     * @param showDetails whether row values stay in messages ({@code quarkus.sqlspec.log-error-details})
     */
    public SqlExceptions(boolean showDetails) {
        this.showDetails = showDetails;
    }

    /**
     * A failure to get a connection from the pool: the database's own error when it refused the connection, else
     * Agroal's acquisition timeout.
     */
    public DatabaseException acquisitionFailed(SQLException e) {
        if (sqlState(e) == null && !(e instanceof SQLNonTransientConnectionException)
                && !(e instanceof SQLRecoverableException)) {
            return new AcquisitionTimeoutException("No connection became available in time (" + e.getMessage()
                    + "): the pool is exhausted or the database does not accept connections fast enough", null,
                    e);
        }
        return translate(e, null);
    }

    public DatabaseException translate(SQLException original, String sql) {
        String reported = sqlState(original);
        String state = reported != null ? reported : DuckDbErrors.sqlState(original.getMessage());
        SQLException e = showDetails ? original : masked(original, state, reported == null && state != null);
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (state == null) {
            if (e instanceof SQLTimeoutException || original instanceof SQLTimeoutException) {
                return new QueryTimeoutException(message, null, sql, e);
            }
            if (original instanceof SQLNonTransientConnectionException || original instanceof SQLRecoverableException) {
                return new ConnectionLostException(message, null, sql, e);
            }
            return new DatabaseException(message, null, sql, e);
        }
        switch (state) {
            case "23505":
                return new UniqueViolationException(message, state, sql, e);
            case "23503":
                return new ForeignKeyViolationException(message, state, sql, e);
            case "23514":
                return new CheckViolationException(message, state, sql, e);
            case "23502":
                return new NotNullViolationException(message, state, sql, e);
            case "40001":
                return new SerializationFailureException(message, state, sql, e);
            case "40P01":
                return new DeadlockException(message, state, sql, e);
            case "57014":
                return new QueryTimeoutException(message, state, sql, e);
            case "57P01":
            case "57P02":
            case "57P03":
                return new ConnectionLostException(message, state, sql, e);
            default:
                if (state.startsWith("08")) {
                    return new ConnectionLostException(message, state, sql, e);
                }
                if (state.startsWith("22")) {
                    return new DataException(message, state, sql, e);
                }
                if (state.startsWith("42")) {
                    return new BadSqlException(message, state, sql, e);
                }
                if (original instanceof SQLTimeoutException) {
                    return new QueryTimeoutException(message, state, sql, e);
                }
                return new DatabaseException(message, state, sql, e);
        }
    }

    /**
     * A copy of {@code e} (and of the exceptions chained to it) without row values, with the same SQLSTATE, vendor
     * code and stack trace, so that logging it tells where and what, not which data.
     */
    private static SQLException masked(SQLException e, String state, boolean derived) {
        String message = derived ? DuckDbErrors.mask(e.getMessage(), state) : mask(e.getMessage(), state);
        SQLException copy = new SQLException(message, e.getSQLState(), e.getErrorCode(),
                e.getCause() instanceof SQLException ? null : e.getCause());
        copy.setStackTrace(e.getStackTrace());
        SQLException next = e.getNextException();
        if (next != null && next != e) {
            copy.setNextException(masked(next, sqlState(next), false));
        }
        return copy;
    }

    static String mask(String message, String state) {
        if (message == null) {
            return null;
        }
        String text = BATCH_ENTRY.matcher(message).replaceFirst("Batch entry $1 was aborted");
        text = FURTHER_FIELDS.matcher(text).replaceFirst("");
        if (state != null && state.startsWith("22")) {
            text = QUOTED_VALUE.matcher(text).replaceFirst(": \"***\"");
        }
        return text;
    }

    private static String sqlState(SQLException e) {
        for (SQLException current = e; current != null; current = current.getNextException()) {
            if (current.getSQLState() != null) {
                return current.getSQLState();
            }
        }
        Throwable cause = e.getCause();
        while (cause != null) {
            if (cause instanceof SQLException sqlCause && sqlCause.getSQLState() != null) {
                return sqlCause.getSQLState();
            }
            cause = cause.getCause();
        }
        return null;
    }
}
