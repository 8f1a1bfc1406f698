package io.quarkiverse.sqlspec.runtime.database;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.quarkiverse.sqlspec.SqlResult;
import io.quarkiverse.sqlspec.exception.NoResultException;
import io.quarkiverse.sqlspec.exception.SqlSpecException;
import io.quarkiverse.sqlspec.exception.TooManyRowsException;
import io.quarkiverse.sqlspec.runtime.mapping.RowMapper;
import io.quarkiverse.sqlspec.runtime.mapping.RowMappers;

/**
 * A statement's result, read straight from the JDBC result set (pgjdbc has already received every row, so reading
 * does no I/O). A terminal method reads it once and closes the statement; the scope closes it otherwise.
 */
final class SqlResultImpl implements SqlResult {

    private final ManagedConnection connection;
    private final PreparedStatement statement;
    private final ResultSet resultSet;
    private final String sql;
    private long rowsAffected;
    private boolean consumed;

    SqlResultImpl(ManagedConnection connection, PreparedStatement statement, ResultSet resultSet, String sql) {
        this.connection = connection;
        this.statement = statement;
        this.resultSet = resultSet;
        this.sql = sql;
        this.rowsAffected = -1;
    }

    private SqlResultImpl(long rowsAffected, String sql) {
        this.connection = null;
        this.statement = null;
        this.resultSet = null;
        this.sql = sql;
        this.rowsAffected = rowsAffected;
    }

    static SqlResult updateCount(long rowsAffected, String sql) {
        return new SqlResultImpl(rowsAffected, sql);
    }

    @Override
    @SuppressWarnings({ "unchecked", "rawtypes" })
    public List<Map<String, Object>> all() {
        return (List) all(Map.class);
    }

    @Override
    public <T> List<T> all(Class<T> type) {
        ResultSet rs = open();
        try {
            RowMapper<T> mapper = mapper(type, rs);
            List<T> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(mapper.map(rs));
            }
            rowsAffected = rows.size();
            return rows;
        } catch (SQLException e) {
            throw connection.errors().translate(e, sql);
        } finally {
            close();
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public Map<String, Object> one() {
        return one(Map.class);
    }

    @Override
    public <T> T one(Class<T> type) {
        return readOne(type, false, true);
    }

    @Override
    @SuppressWarnings("unchecked")
    public Map<String, Object> oneOrNull() {
        return oneOrNull(Map.class);
    }

    @Override
    public <T> T oneOrNull(Class<T> type) {
        return readOne(type, false, false);
    }

    @Override
    public Object scalar() {
        return scalar(Object.class);
    }

    @Override
    public <T> T scalar(Class<T> type) {
        return readOne(type, true, true);
    }

    <T> T scalarOrNull(Class<T> type) {
        return readOne(type, true, false);
    }

    @Override
    public long rowsAffected() {
        return rowsAffected;
    }

    @Override
    public List<String> columns() {
        if (resultSet == null) {
            return List.of();
        }
        try {
            ResultSetMetaData metaData = resultSet.getMetaData();
            List<String> columns = new ArrayList<>(metaData.getColumnCount());
            for (int i = 1; i <= metaData.getColumnCount(); i++) {
                columns.add(metaData.getColumnLabel(i));
            }
            return columns;
        } catch (SQLException e) {
            throw connection.errors().translate(e, sql);
        }
    }

    /**
     * Reads the only row (or its first column when {@code firstColumn}); none is an error when {@code required}, more
     * than one always is.
     */
    private <T> T readOne(Class<T> type, boolean firstColumn, boolean required) {
        ResultSet rs = open();
        try {
            if (!rs.next()) {
                if (required) {
                    throw new NoResultException(sql);
                }
                return null;
            }
            T value = (firstColumn ? RowMappers.scalar(type) : mapper(type, rs)).map(rs);
            requireNoMoreRows(rs);
            rowsAffected = 1;
            return value;
        } catch (SQLException e) {
            throw connection.errors().translate(e, sql);
        } finally {
            close();
        }
    }

    private void requireNoMoreRows(ResultSet rs) throws SQLException {
        if (rs.next()) {
            long count = 2;
            while (rs.next()) {
                count++;
            }
            throw new TooManyRowsException(count, sql);
        }
    }

    private static <T> RowMapper<T> mapper(Class<T> type, ResultSet rs) throws SQLException {
        return RowMappers.forClass(type, rs.getMetaData());
    }

    private ResultSet open() {
        if (resultSet == null) {
            throw new SqlSpecException("The statement returned no rows (it affected " + rowsAffected
                    + "); add RETURNING to read rows from it: " + sql);
        }
        if (consumed) {
            throw new SqlSpecException("This result was read already; a result can be read once: " + sql);
        }
        if (connection.isClosed()) {
            throw new DbSessionEndedException(connection.dataSource().describe());
        }
        consumed = true;
        return resultSet;
    }

    private void close() {
        connection.untrack(statement);
        try {
            statement.close();
        } catch (SQLException ignored) {
            // every row has been read; nothing is lost
        }
    }
}
