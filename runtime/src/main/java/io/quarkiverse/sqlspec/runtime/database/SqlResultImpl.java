package io.quarkiverse.sqlspec.runtime.database;

import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.quarkiverse.sqlspec.SqlResult;
import io.quarkiverse.sqlspec.exception.NoResultException;
import io.quarkiverse.sqlspec.exception.SqlSpecException;
import io.quarkiverse.sqlspec.exception.TooManyRowsException;
import io.quarkiverse.sqlspec.runtime.mapping.ResultRow;
import io.quarkiverse.sqlspec.runtime.mapping.RowMapper;
import io.quarkiverse.sqlspec.runtime.mapping.RowMappers;

/**
 * A statement's result, read straight from the driver's rows (pgjdbc and the reactive client have already received
 * every row, so reading does no I/O). A terminal method reads it once and closes the statement; the scope closes it
 * otherwise.
 */
final class SqlResultImpl implements SqlResult {

    private final ResultOrigin origin;
    private final ResultRow rows;
    private final String sql;
    private long rowsAffected;
    private boolean consumed;

    SqlResultImpl(ResultOrigin origin, ResultRow rows, String sql) {
        this.origin = origin;
        this.rows = rows;
        this.sql = sql;
        this.rowsAffected = -1;
    }

    private SqlResultImpl(long rowsAffected, String sql) {
        this.origin = null;
        this.rows = null;
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
        ResultRow rs = open();
        try {
            RowMapper<T> mapper = RowMappers.forClass(type, rs.getMetaData());
            List<T> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(mapper.map(rs));
            }
            rowsAffected = rows.size();
            return rows;
        } catch (SQLException e) {
            throw origin.errors().translate(e, sql);
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
        if (rows == null) {
            return List.of();
        }
        try {
            ResultSetMetaData metaData = rows.getMetaData();
            List<String> columns = new ArrayList<>(metaData.getColumnCount());
            for (int i = 1; i <= metaData.getColumnCount(); i++) {
                columns.add(metaData.getColumnLabel(i));
            }
            return columns;
        } catch (SQLException e) {
            throw origin.errors().translate(e, sql);
        }
    }

    /**
     * Reads the only row (or its first column when {@code firstColumn}); none is an error when {@code required}, more
     * than one always is.
     */
    private <T> T readOne(Class<T> type, boolean firstColumn, boolean required) {
        ResultRow rs = open();
        try {
            if (!rs.next()) {
                if (required) {
                    throw new NoResultException(sql);
                }
                return null;
            }
            T value = (firstColumn ? RowMappers.scalar(type) : RowMappers.forClass(type, rs.getMetaData())).map(rs);
            requireNoMoreRows(rs);
            rowsAffected = 1;
            return value;
        } catch (SQLException e) {
            throw origin.errors().translate(e, sql);
        } finally {
            close();
        }
    }

    private void requireNoMoreRows(ResultRow rs) throws SQLException {
        if (rs.next()) {
            long count = 2;
            while (rs.next()) {
                count++;
            }
            throw new TooManyRowsException(count, sql);
        }
    }

    private ResultRow open() {
        if (rows == null) {
            throw new SqlSpecException("The statement returned no rows (it affected " + rowsAffected
                    + "); add RETURNING to read rows from it: " + sql);
        }
        if (consumed) {
            throw new SqlSpecException("This result was read already; a result can be read once: " + sql);
        }
        if (origin.isClosed()) {
            throw new DbSessionEndedException(origin.describe());
        }
        consumed = true;
        return rows;
    }

    private void close() {
        origin.resultRead(rows);
    }
}
