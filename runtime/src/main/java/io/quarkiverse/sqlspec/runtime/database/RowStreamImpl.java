package io.quarkiverse.sqlspec.runtime.database;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import io.quarkiverse.sqlspec.RowStream;
import io.quarkiverse.sqlspec.exception.DatabaseException;
import io.quarkiverse.sqlspec.exception.SqlSpecException;
import io.quarkiverse.sqlspec.runtime.mapping.JdbcResultRow;
import io.quarkiverse.sqlspec.runtime.mapping.ResultRow;
import io.quarkiverse.sqlspec.runtime.mapping.RowMapper;
import io.quarkiverse.sqlspec.runtime.mapping.RowMappers;

/**
 * A query's rows read from an open cursor as they are iterated. Holds the scope it was opened in, so that a response
 * body streaming it can end the request's transaction once the last row is written.
 */
public final class RowStreamImpl<T> implements RowStream<T> {

    private final ConnectionScope scope;
    private final ManagedConnection connection;
    private final PreparedStatement statement;
    private final Class<T> type;
    private final String sql;
    private ResultRow row;
    private RowMapper<T> mapper;
    private boolean iterated;
    private boolean closed;
    private long rowsRead;

    RowStreamImpl(ConnectionScope scope, ManagedConnection connection, PreparedStatement statement, ResultSet resultSet,
            Class<T> type, String sql) {
        this.scope = scope;
        this.connection = connection;
        this.statement = statement;
        this.row = new JdbcResultRow(resultSet, statement);
        this.type = type;
        this.sql = sql;
    }

    @Override
    public Iterator<T> iterator() {
        if (iterated) {
            throw new SqlSpecException("This row stream was read already; a row stream can be read once: " + sql);
        }
        iterated = true;
        return new Iterator<>() {
            private boolean fetched;
            private boolean hasRow;

            @Override
            public boolean hasNext() {
                if (!fetched) {
                    hasRow = advance();
                    fetched = true;
                }
                return hasRow;
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                fetched = false;
                return current();
            }
        };
    }

    @Override
    public Stream<T> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED),
                false).onClose(this::close);
    }

    @Override
    public long rowsRead() {
        return rowsRead;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            statement.close();
        } catch (SQLException ignored) {
            // the cursor goes with its transaction anyway
        }
        row = null;
        if (!connection.isClosed()) {
            connection.cursorClosed(statement);
        }
    }

    /** The class each row is mapped to. */
    public Class<T> rowType() {
        return type;
    }

    /**
     * The response body holding these rows was written (or failed to be, {@code written} false): the request's
     * transaction ends now, as the response filter left it.
     *
     * @throws DatabaseException when the commit failed: the response must not end as a success
     */
    public void bodyWritten(boolean written) {
        close();
        if (scope instanceof HttpRequestScope request) {
            DatabaseException failure = request.completeAfterBody(written);
            if (failure != null) {
                throw failure;
            }
        }
    }

    private boolean advance() {
        if (closed) {
            if (connection.isClosed()) {
                throw new DbSessionEndedException(connection.dataSource().describe());
            }
            throw new SqlSpecException("This row stream is closed: " + sql);
        }
        try {
            if (row.next()) {
                rowsRead++;
                return true;
            }
            return false;
        } catch (SQLException e) {
            DatabaseException error = connection.errors().translate(e, sql);
            connection.statementFailed(error);
            close();
            throw error;
        }
    }

    private T current() {
        try {
            if (mapper == null) {
                mapper = RowMappers.forClass(type, row.getMetaData());
            }
            return mapper.map(row);
        } catch (SQLException e) {
            throw connection.errors().translate(e, sql);
        }
    }

    /** Whether {@code entity} is a row stream whose scope should end only after the response body is written. */
    public static boolean endsAfterBody(Object entity) {
        return entity instanceof RowStreamImpl<?> rows && rows.scope instanceof HttpRequestScope;
    }
}
