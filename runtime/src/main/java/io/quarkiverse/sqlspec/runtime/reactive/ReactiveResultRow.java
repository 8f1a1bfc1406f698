package io.quarkiverse.sqlspec.runtime.reactive;

import java.math.BigDecimal;
import java.sql.JDBCType;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.List;
import java.util.Locale;

import io.quarkiverse.sqlspec.runtime.mapping.ResultRow;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowIterator;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.data.Numeric;
import io.vertx.sqlclient.desc.ColumnDescriptor;

/**
 * The rows of the reactive PostgreSQL client as the mappers read them, with the values pgjdbc would give: the same
 * mapping rules apply whichever driver ran the statement. Column type names are PostgreSQL's ({@code int4},
 * {@code _text} for arrays), as pgjdbc reports them.
 */
public final class ReactiveResultRow implements ResultRow {

    private final RowIterator<Row> rows;
    private final Columns columns;
    private Row row;
    private boolean wasNull;

    public ReactiveResultRow(RowSet<Row> rowSet) {
        this.rows = rowSet.iterator();
        this.columns = new Columns(rowSet.columnDescriptors());
    }

    @Override
    public boolean next() {
        if (!rows.hasNext()) {
            row = null;
            return false;
        }
        row = rows.next();
        return true;
    }

    @Override
    public ResultSetMetaData getMetaData() {
        return columns;
    }

    @Override
    public Object getObject(int column) {
        Object value = value(column);
        if (value instanceof Numeric numeric) {
            return numeric.bigDecimalValue();
        }
        if (value instanceof Buffer buffer) {
            return buffer.getBytes();
        }
        if (value instanceof JsonObject || value instanceof JsonArray) {
            return value.toString();
        }
        // Interval, Point, Money, ...: their text form, as pgjdbc's PGobject gives
        return value != null && value.getClass().getName().startsWith("io.vertx.pgclient.data.") ? value.toString()
                : value;
    }

    @Override
    public <T> T getObject(int column, Class<T> type) throws SQLException {
        Object value = value(column);
        if (value == null || type.isInstance(value)) {
            return type.cast(value);
        }
        try {
            return row.get(type, column - 1);
        } catch (ClassCastException | IllegalArgumentException e) {
            throw new SQLException("Cannot convert " + value.getClass().getSimpleName() + " to " + type.getName(), e);
        }
    }

    @Override
    public String getString(int column) {
        Object value = value(column);
        if (value == null) {
            return null;
        }
        if (columns.json[column - 1]) {
            // a JSON string, number or boolean comes decoded: its JSON text is what pgjdbc gives
            return Json.encode(value);
        }
        return value instanceof Buffer buffer ? buffer.toString() : value.toString();
    }

    @Override
    public int getInt(int column) throws SQLException {
        Number value = number(column);
        return value == null ? 0 : value.intValue();
    }

    @Override
    public long getLong(int column) throws SQLException {
        Number value = number(column);
        return value == null ? 0 : value.longValue();
    }

    @Override
    public short getShort(int column) throws SQLException {
        Number value = number(column);
        return value == null ? 0 : value.shortValue();
    }

    @Override
    public byte getByte(int column) throws SQLException {
        Number value = number(column);
        return value == null ? 0 : value.byteValue();
    }

    @Override
    public double getDouble(int column) throws SQLException {
        Number value = number(column);
        return value == null ? 0 : value.doubleValue();
    }

    @Override
    public float getFloat(int column) throws SQLException {
        Number value = number(column);
        return value == null ? 0 : value.floatValue();
    }

    @Override
    public boolean getBoolean(int column) throws SQLException {
        Object value = value(column);
        if (value == null) {
            return false;
        }
        if (value instanceof Boolean flag) {
            return flag;
        }
        if (value instanceof Number number) {
            return number.intValue() != 0;
        }
        throw notA("boolean", value);
    }

    @Override
    public BigDecimal getBigDecimal(int column) throws SQLException {
        Object value = value(column);
        if (value == null || value instanceof BigDecimal) {
            return (BigDecimal) value;
        }
        if (value instanceof Numeric numeric) {
            return numeric.bigDecimalValue();
        }
        if (value instanceof Number number) {
            return new BigDecimal(number.toString());
        }
        throw notA("number", value);
    }

    @Override
    public byte[] getBytes(int column) throws SQLException {
        Object value = value(column);
        if (value == null) {
            return null;
        }
        if (value instanceof Buffer buffer) {
            return buffer.getBytes();
        }
        throw notA("bytea", value);
    }

    @Override
    public Object[] getArrayElements(int column) throws SQLException {
        Object value = value(column);
        if (value == null) {
            return null;
        }
        if (value instanceof Object[] elements) {
            for (int i = 0; i < elements.length; i++) {
                if (elements[i] instanceof Numeric numeric) {
                    elements[i] = numeric.bigDecimalValue();
                }
            }
            return elements;
        }
        throw notA("array", value);
    }

    @Override
    public boolean wasNull() {
        return wasNull;
    }

    private Object value(int column) {
        Object value = row.getValue(column - 1);
        wasNull = value == null;
        return value;
    }

    private Number number(int column) throws SQLException {
        Object value = value(column);
        if (value == null || value instanceof Number) {
            return (Number) value;
        }
        if (value instanceof String text) {
            try {
                return new BigDecimal(text.trim());
            } catch (NumberFormatException e) {
                throw notA("number", value);
            }
        }
        throw notA("number", value);
    }

    private static SQLException notA(String expected, Object value) {
        return new SQLException("The column holds a " + value.getClass().getSimpleName() + ", not a " + expected);
    }

    /** The column descriptions in the shape of JDBC's metadata, the part of it the mappers read. */
    private static final class Columns implements ResultSetMetaData {

        private final String[] labels;
        private final String[] typeNames;
        private final int[] types;
        private final boolean[] json;

        Columns(List<ColumnDescriptor> descriptors) {
            int count = descriptors.size();
            labels = new String[count];
            typeNames = new String[count];
            types = new int[count];
            json = new boolean[count];
            for (int i = 0; i < count; i++) {
                ColumnDescriptor descriptor = descriptors.get(i);
                labels[i] = descriptor.name();
                typeNames[i] = postgresTypeName(descriptor);
                json[i] = typeNames[i].equals("json") || typeNames[i].equals("jsonb");
                JDBCType type = descriptor.jdbcType();
                types[i] = type == null ? java.sql.Types.OTHER : type.getVendorTypeNumber();
            }
        }

        /** {@code INT4} → {@code int4}, {@code TEXT_ARRAY} → {@code _text}: the names pgjdbc reports. */
        private static String postgresTypeName(ColumnDescriptor descriptor) {
            String name = descriptor.typeName().toLowerCase(Locale.ROOT);
            if (descriptor.isArray()) {
                return "_" + (name.endsWith("_array") ? name.substring(0, name.length() - "_array".length()) : name);
            }
            return name;
        }

        @Override
        public int getColumnCount() {
            return labels.length;
        }

        @Override
        public String getColumnLabel(int column) {
            return labels[column - 1];
        }

        @Override
        public String getColumnName(int column) {
            return labels[column - 1];
        }

        @Override
        public int getColumnType(int column) {
            return types[column - 1];
        }

        @Override
        public String getColumnTypeName(int column) {
            return typeNames[column - 1];
        }

        @Override
        public boolean isAutoIncrement(int column) throws SQLException {
            throw unsupported();
        }

        @Override
        public boolean isCaseSensitive(int column) throws SQLException {
            throw unsupported();
        }

        @Override
        public boolean isSearchable(int column) throws SQLException {
            throw unsupported();
        }

        @Override
        public boolean isCurrency(int column) throws SQLException {
            throw unsupported();
        }

        @Override
        public int isNullable(int column) {
            return columnNullableUnknown;
        }

        @Override
        public boolean isSigned(int column) throws SQLException {
            throw unsupported();
        }

        @Override
        public int getColumnDisplaySize(int column) throws SQLException {
            throw unsupported();
        }

        @Override
        public String getSchemaName(int column) {
            return "";
        }

        @Override
        public int getPrecision(int column) throws SQLException {
            throw unsupported();
        }

        @Override
        public int getScale(int column) throws SQLException {
            throw unsupported();
        }

        @Override
        public String getTableName(int column) {
            return "";
        }

        @Override
        public String getCatalogName(int column) {
            return "";
        }

        @Override
        public boolean isReadOnly(int column) {
            return true;
        }

        @Override
        public boolean isWritable(int column) {
            return false;
        }

        @Override
        public boolean isDefinitelyWritable(int column) {
            return false;
        }

        @Override
        public String getColumnClassName(int column) throws SQLException {
            throw unsupported();
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException {
            throw unsupported();
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) {
            return false;
        }

        private static SQLException unsupported() {
            return new SQLFeatureNotSupportedException("Not known for a result of the reactive client");
        }
    }
}
