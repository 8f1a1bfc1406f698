package io.quarkiverse.sqlspec.runtime.mapping;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;

/** The current row of a JDBC result set, with the statement that produced it (closed when the rows are read). */
public final class JdbcResultRow implements ResultRow {

    private final ResultSet rs;
    private final Statement statement;

    public JdbcResultRow(ResultSet rs, Statement statement) {
        this.rs = rs;
        this.statement = statement;
    }

    public Statement statement() {
        return statement;
    }

    @Override
    public boolean next() throws SQLException {
        return rs.next();
    }

    @Override
    public ResultSetMetaData getMetaData() throws SQLException {
        return rs.getMetaData();
    }

    @Override
    public Object getObject(int column) throws SQLException {
        return rs.getObject(column);
    }

    @Override
    public <T> T getObject(int column, Class<T> type) throws SQLException {
        return rs.getObject(column, type);
    }

    @Override
    public String getString(int column) throws SQLException {
        return rs.getString(column);
    }

    @Override
    public int getInt(int column) throws SQLException {
        return rs.getInt(column);
    }

    @Override
    public long getLong(int column) throws SQLException {
        return rs.getLong(column);
    }

    @Override
    public short getShort(int column) throws SQLException {
        return rs.getShort(column);
    }

    @Override
    public byte getByte(int column) throws SQLException {
        return rs.getByte(column);
    }

    @Override
    public double getDouble(int column) throws SQLException {
        return rs.getDouble(column);
    }

    @Override
    public float getFloat(int column) throws SQLException {
        return rs.getFloat(column);
    }

    @Override
    public boolean getBoolean(int column) throws SQLException {
        return rs.getBoolean(column);
    }

    @Override
    public BigDecimal getBigDecimal(int column) throws SQLException {
        return rs.getBigDecimal(column);
    }

    @Override
    public byte[] getBytes(int column) throws SQLException {
        return rs.getBytes(column);
    }

    @Override
    public Object[] getArrayElements(int column) throws SQLException {
        Array array = rs.getArray(column);
        return array == null ? null : (Object[]) array.getArray();
    }

    @Override
    public boolean wasNull() throws SQLException {
        return rs.wasNull();
    }
}
