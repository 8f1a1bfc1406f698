package io.quarkiverse.sqlspec.runtime.jdbc;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;

import io.quarkiverse.sqlspec.runtime.sql.ParameterValues;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Binds Java values to JDBC parameters: the common types directly, {@code java.time} values as themselves (an
 * {@code Instant} as a UTC timestamp with time zone), enums by name, collections and arrays as SQL arrays, maps and
 * Vert.x JSON values as JSON.
 */
public final class ParameterBinder {

    private ParameterBinder() {
    }

    public static void bind(PreparedStatement statement, Object[] values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            bind(statement, i + 1, values[i]);
        }
    }

    static void bind(PreparedStatement statement, int index, Object original) throws SQLException {
        Object value = ParameterValues.normalized(original);
        if (value == null) {
            statement.setObject(index, null);
        } else if (value instanceof String text) {
            statement.setString(index, text);
        } else if (value instanceof Integer number) {
            statement.setInt(index, number);
        } else if (value instanceof Long number) {
            statement.setLong(index, number);
        } else if (value instanceof Boolean flag) {
            statement.setBoolean(index, flag);
        } else if (value instanceof UUID || value instanceof LocalDate || value instanceof LocalDateTime
                || value instanceof LocalTime || value instanceof OffsetDateTime) {
            statement.setObject(index, value);
        } else if (value instanceof BigDecimal decimal) {
            statement.setBigDecimal(index, decimal);
        } else if (value instanceof Double || value instanceof Float || value instanceof Short
                || value instanceof Byte) {
            statement.setObject(index, value);
        } else if (value instanceof byte[] bytes) {
            statement.setBytes(index, bytes);
        } else if (value instanceof Map<?, ?> map) {
            bindJson(statement, index, new JsonObject(stringKeys(map)).encode());
        } else if (value instanceof JsonObject || value instanceof JsonArray) {
            bindJson(statement, index, value.toString());
        } else if (value instanceof Collection<?> collection) {
            statement.setArray(index, array(statement, boxed(collection.toArray())));
        } else if (value.getClass().isArray()) {
            statement.setArray(index, array(statement, boxed(value)));
        } else {
            statement.setObject(index, value);
        }
    }

    /**
     * JSON text as an untyped value, which PostgreSQL casts to json or jsonb as the statement needs; DuckDB's driver
     * has no untyped values, and casts text ({@code ?::JSON}).
     */
    private static void bindJson(PreparedStatement statement, int index, String json) throws SQLException {
        try {
            statement.setObject(index, json, Types.OTHER);
        } catch (SQLException e) {
            if (!(e instanceof SQLFeatureNotSupportedException) && !"0A000".equals(e.getSQLState())) {
                throw e;
            }
            statement.setString(index, json); // "feature not supported": DuckDB
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> stringKeys(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }

    private static Array array(PreparedStatement statement, Object[] elements) throws SQLException {
        return statement.getConnection().createArrayOf(arrayType(elements), elements);
    }

    private static String arrayType(Object[] elements) {
        for (Object element : elements) {
            if (element == null) {
                continue;
            }
            if (element instanceof Integer || element instanceof Short) {
                return "int4";
            }
            if (element instanceof Long) {
                return "int8";
            }
            if (element instanceof UUID) {
                return "uuid";
            }
            if (element instanceof BigDecimal) {
                return "numeric";
            }
            if (element instanceof Boolean) {
                return "bool";
            }
            if (element instanceof Double || element instanceof Float) {
                return "float8";
            }
            if (element instanceof LocalDate) {
                return "date";
            }
            if (element instanceof OffsetDateTime) {
                return "timestamptz";
            }
            return "text";
        }
        return "text";
    }

    private static Object[] boxed(Object array) {
        int length = java.lang.reflect.Array.getLength(array);
        Object[] boxed = new Object[length];
        for (int i = 0; i < length; i++) {
            boxed[i] = ParameterValues.normalized(java.lang.reflect.Array.get(array, i));
        }
        return boxed;
    }
}
