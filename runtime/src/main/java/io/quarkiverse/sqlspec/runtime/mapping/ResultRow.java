package io.quarkiverse.sqlspec.runtime.mapping;

import java.math.BigDecimal;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;

/**
 * The current row of a result, as the mappers read it: a JDBC result set ({@link JdbcResultRow}) or a row of the
 * reactive PostgreSQL client. The methods are the {@link java.sql.ResultSet} getters the readers use, with the same
 * meaning (columns from 1, {@link #wasNull()} after a primitive getter, {@link #next()} to move to the next row).
 */
public interface ResultRow {

    boolean next() throws SQLException;

    ResultSetMetaData getMetaData() throws SQLException;

    Object getObject(int column) throws SQLException;

    <T> T getObject(int column, Class<T> type) throws SQLException;

    String getString(int column) throws SQLException;

    int getInt(int column) throws SQLException;

    long getLong(int column) throws SQLException;

    short getShort(int column) throws SQLException;

    byte getByte(int column) throws SQLException;

    double getDouble(int column) throws SQLException;

    float getFloat(int column) throws SQLException;

    boolean getBoolean(int column) throws SQLException;

    BigDecimal getBigDecimal(int column) throws SQLException;

    byte[] getBytes(int column) throws SQLException;

    /** The elements of an SQL array column, or {@code null}. */
    Object[] getArrayElements(int column) throws SQLException;

    boolean wasNull() throws SQLException;
}
