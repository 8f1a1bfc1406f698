package io.quarkiverse.sqlspec.runtime.jdbc;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTimeoutException;

import io.quarkiverse.sqlspec.exception.BadSqlException;
import io.quarkiverse.sqlspec.exception.CheckViolationException;
import io.quarkiverse.sqlspec.exception.ConnectionLostException;
import io.quarkiverse.sqlspec.exception.DatabaseException;
import io.quarkiverse.sqlspec.exception.DeadlockException;
import io.quarkiverse.sqlspec.exception.ForeignKeyViolationException;
import io.quarkiverse.sqlspec.exception.NotNullViolationException;
import io.quarkiverse.sqlspec.exception.QueryTimeoutException;
import io.quarkiverse.sqlspec.exception.SerializationFailureException;
import io.quarkiverse.sqlspec.exception.UniqueViolationException;

/**
 * Translates JDBC exceptions into SQLSpec's {@link DatabaseException} hierarchy by SQLSTATE.
 */
public final class SqlExceptions {

    private SqlExceptions() {
    }

    public static DatabaseException translate(SQLException e, String sql) {
        String state = sqlState(e);
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (state == null) {
            if (e instanceof SQLTimeoutException) {
                return new QueryTimeoutException(message, null, sql, e);
            }
            if (e instanceof SQLNonTransientConnectionException || e instanceof SQLRecoverableException) {
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
                if (state.startsWith("42")) {
                    return new BadSqlException(message, state, sql, e);
                }
                if (e instanceof SQLTimeoutException) {
                    return new QueryTimeoutException(message, state, sql, e);
                }
                return new DatabaseException(message, state, sql, e);
        }
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
