package io.quarkiverse.sqlspec.runtime.mapping;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import io.quarkiverse.sqlspec.exception.MappingException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The readers for every supported Java type, chosen once per column. Map rows use each column's natural Java type:
 * {@code timestamptz} → {@link OffsetDateTime}, {@code timestamp} → {@link LocalDateTime}, {@code date} →
 * {@link LocalDate}, {@code uuid} → {@link UUID}, {@code numeric} → {@link BigDecimal}, {@code json(b)} → String,
 * arrays → {@link List}.
 */
final class ColumnReaders {

    private ColumnReaders() {
    }

    /** The natural Java value of a column, for Map rows and {@code Object} targets. */
    static ColumnReader natural(ResultSetMetaData metaData, int column) throws SQLException {
        String type = metaData.getColumnTypeName(column).toLowerCase(Locale.ROOT);
        if (type.startsWith("_")) {
            return (rs, i) -> arrayAsList(rs.getArrayElements(i), Object.class);
        }
        switch (type) {
            case "timestamptz":
                return (rs, i) -> rs.getObject(i, OffsetDateTime.class);
            case "timestamp":
                return (rs, i) -> rs.getObject(i, LocalDateTime.class);
            case "date":
                return (rs, i) -> rs.getObject(i, LocalDate.class);
            case "time":
                return (rs, i) -> rs.getObject(i, LocalTime.class);
            case "timetz":
                return (rs, i) -> rs.getObject(i, OffsetTime.class);
            case "int2":
            case "int4":
            case "serial":
                return (rs, i) -> nullable(rs, rs.getInt(i));
            case "int8":
            case "bigserial":
            case "oid":
                return (rs, i) -> nullable(rs, rs.getLong(i));
            case "json":
            case "jsonb":
            case "xml":
                return (rs, i) -> rs.getString(i);
            case "bytea":
                return (rs, i) -> rs.getBytes(i);
            default:
                return (rs, i) -> naturalObject(rs.getObject(i));
        }
    }

    /**
     * Whether the reader for {@code type} depends on the column's SQL type ({@code Object} takes the column's natural
     * type, a {@code List} reads a JSON column as JSON and any other as a SQL array). Readers for every other type are
     * the same whatever the column, so a binding of them stays valid while the column labels stay the same.
     */
    static boolean dependsOnColumnType(Class<?> type) {
        return type == Object.class || List.class.isAssignableFrom(type);
    }

    /** A reader producing {@code type} (with {@code generic} for collections), or a MappingException naming where. */
    static ColumnReader forType(Class<?> type, Type generic, String target, ResultSetMetaData metaData, int column)
            throws SQLException {
        if (type == Object.class) {
            return natural(metaData, column);
        }
        if (List.class.isAssignableFrom(type)) {
            return withContext(listReader(generic, metaData.getColumnTypeName(column)), type, target);
        }
        return forType(type, generic, target);
    }

    /**
     * A reader producing {@code type}, for a type that does not {@linkplain #dependsOnColumnType depend on the column}:
     * built without reading the result's metadata, which failures read to say which column they were reading.
     */
    static ColumnReader forType(Class<?> type, Type generic, String target) {
        if (type.isPrimitive()) {
            return primitive(type, target);
        }
        ColumnReader reader = boxedOrValue(type, generic);
        if (reader == null) {
            return (rs, i) -> {
                try {
                    return rs.getObject(i, type);
                } catch (SQLException e) {
                    throw new MappingException("Cannot map column " + describe(rs, i) + " to " + target + " of type "
                            + type.getName() + ": " + e.getMessage(), e);
                }
            };
        }
        return withContext(reader, type, target);
    }

    /** Failures other than a MappingException get one naming the column, its SQL type and the target. */
    private static ColumnReader withContext(ColumnReader reader, Class<?> type, String target) {
        return (rs, i) -> {
            try {
                return reader.read(rs, i);
            } catch (RuntimeException e) {
                if (e instanceof MappingException) {
                    throw e;
                }
                throw new MappingException("Cannot map column " + describe(rs, i) + " to " + target + " of type "
                        + type.getName() + ": " + e.getMessage(), e);
            }
        };
    }

    /** {@code 'name' (text)}: read only when a message needs it. */
    private static String describe(ResultRow rs, int column) {
        try {
            ResultSetMetaData metaData = rs.getMetaData();
            return "'" + metaData.getColumnLabel(column) + "' (" + metaData.getColumnTypeName(column) + ")";
        } catch (SQLException e) {
            return String.valueOf(column);
        }
    }

    private static ColumnReader boxedOrValue(Class<?> type, Type generic) {
        if (type == String.class) {
            return (rs, i) -> rs.getString(i);
        }
        if (type == Integer.class) {
            return (rs, i) -> nullable(rs, rs.getInt(i));
        }
        if (type == Long.class) {
            return (rs, i) -> nullable(rs, rs.getLong(i));
        }
        if (type == Short.class) {
            return (rs, i) -> nullable(rs, rs.getShort(i));
        }
        if (type == Byte.class) {
            return (rs, i) -> nullable(rs, rs.getByte(i));
        }
        if (type == Double.class) {
            return (rs, i) -> nullable(rs, rs.getDouble(i));
        }
        if (type == Float.class) {
            return (rs, i) -> nullable(rs, rs.getFloat(i));
        }
        if (type == Boolean.class) {
            return (rs, i) -> nullable(rs, rs.getBoolean(i));
        }
        if (type == BigDecimal.class) {
            return (rs, i) -> rs.getBigDecimal(i);
        }
        if (type == BigInteger.class) {
            return (rs, i) -> {
                BigDecimal value = rs.getBigDecimal(i);
                return value == null ? null : value.toBigIntegerExact();
            };
        }
        if (type == UUID.class) {
            return (rs, i) -> {
                Object value = rs.getObject(i);
                return value == null || value instanceof UUID ? value : UUID.fromString(value.toString());
            };
        }
        if (type == LocalDate.class || type == LocalTime.class || type == LocalDateTime.class
                || type == OffsetDateTime.class || type == OffsetTime.class) {
            return (rs, i) -> rs.getObject(i, type);
        }
        if (type == Instant.class) {
            return (rs, i) -> {
                OffsetDateTime value = rs.getObject(i, OffsetDateTime.class);
                return value == null ? null : value.toInstant();
            };
        }
        if (type == ZonedDateTime.class) {
            return (rs, i) -> {
                OffsetDateTime value = rs.getObject(i, OffsetDateTime.class);
                return value == null ? null : value.toZonedDateTime();
            };
        }
        if (type == byte[].class) {
            return (rs, i) -> rs.getBytes(i);
        }
        if (type.isEnum()) {
            return (rs, i) -> enumValue(type, rs.getString(i));
        }
        if (type == JsonObject.class) {
            return (rs, i) -> {
                String json = rs.getString(i);
                return json == null ? null : new JsonObject(json);
            };
        }
        if (type == JsonArray.class) {
            return (rs, i) -> {
                String json = rs.getString(i);
                return json == null ? null : new JsonArray(json);
            };
        }
        if (Map.class.isAssignableFrom(type)) {
            return (rs, i) -> {
                // DuckDB returns a MAP as a Map and a STRUCT as a java.sql.Struct; JSON columns come as text
                Object value = naturalObject(rs.getObject(i));
                if (value == null || value instanceof Map) {
                    return value;
                }
                return new JsonObject(value.toString()).getMap();
            };
        }
        if (type.isArray() && type != byte[].class) {
            return (rs, i) -> javaArray(rs.getArrayElements(i), type.getComponentType());
        }
        return null;
    }

    /** A SQL array as a list of the element type, or a JSON array's elements when the column is JSON. */
    private static ColumnReader listReader(Type generic, String sqlType) {
        Class<?> element = elementType(generic);
        if (sqlType.toLowerCase(Locale.ROOT).startsWith("json")) {
            return (rs, i) -> {
                String text = rs.getString(i);
                return text == null ? null : new JsonArray(text).getList();
            };
        }
        return (rs, i) -> arrayAsList(rs.getArrayElements(i), element);
    }

    private static ColumnReader primitive(Class<?> type, String target) {
        ColumnReader reader;
        if (type == int.class) {
            reader = (rs, i) -> rs.getInt(i);
        } else if (type == long.class) {
            reader = (rs, i) -> rs.getLong(i);
        } else if (type == boolean.class) {
            reader = (rs, i) -> rs.getBoolean(i);
        } else if (type == double.class) {
            reader = (rs, i) -> rs.getDouble(i);
        } else if (type == float.class) {
            reader = (rs, i) -> rs.getFloat(i);
        } else if (type == short.class) {
            reader = (rs, i) -> rs.getShort(i);
        } else if (type == byte.class) {
            reader = (rs, i) -> rs.getByte(i);
        } else {
            reader = (rs, i) -> (int) rs.getString(i).charAt(0);
        }
        return (rs, i) -> {
            Object value = reader.read(rs, i);
            if (rs.wasNull()) {
                throw new MappingException("Column " + describe(rs, i) + " is NULL but " + target + " is a primitive "
                        + type.getName() + ": use " + boxedName(type) + " to accept NULL");
            }
            return value;
        };
    }

    private static Object nullable(ResultRow rs, Object value) throws SQLException {
        return rs.wasNull() ? null : value;
    }

    private static Object naturalObject(Object value) throws SQLException {
        if (value == null) {
            return null;
        }
        String className = value.getClass().getName();
        // PGobject and friends (json, interval, money, ...): their text form is what users expect
        if (className.startsWith("org.postgresql.")) {
            return value.toString();
        }
        if (value instanceof java.sql.Timestamp timestamp) {
            return timestamp.toLocalDateTime();
        }
        if (value instanceof java.sql.Date date) {
            return date.toLocalDate();
        }
        if (value instanceof java.sql.Struct struct) {
            return structFields(struct);
        }
        if (value instanceof java.sql.Array array) {
            // PostgreSQL's arrays are recognized by their type name (_int4); DuckDB's lists arrive as Array values
            return arrayAsList((Object[]) array.getArray(), Object.class);
        }
        return value;
    }

    /**
     * A STRUCT's fields by name. JDBC's {@link java.sql.Struct} gives only the values; DuckDB's driver, the one that
     * returns structs, gives the names through its {@code getMap()}.
     */
    private static Object structFields(java.sql.Struct struct) throws SQLException {
        try {
            return struct.getClass().getMethod("getMap").invoke(struct);
        } catch (ReflectiveOperationException e) {
            return Arrays.asList(struct.getAttributes());
        }
    }

    @SuppressWarnings({ "unchecked", "rawtypes" })
    private static Object enumValue(Class<?> type, String text) {
        if (text == null) {
            return null;
        }
        try {
            return Enum.valueOf((Class) type, text);
        } catch (IllegalArgumentException e) {
            for (Object constant : type.getEnumConstants()) {
                if (((Enum<?>) constant).name().equalsIgnoreCase(text)) {
                    return constant;
                }
            }
            throw new MappingException("'" + text + "' is not a constant of " + type.getName() + " "
                    + Arrays.toString(type.getEnumConstants()));
        }
    }

    private static List<Object> arrayAsList(Object[] values, Class<?> element) throws SQLException {
        if (values == null) {
            return null;
        }
        List<Object> list = new ArrayList<>(values.length);
        for (Object value : values) {
            list.add(convertElement(value, element));
        }
        return list;
    }

    private static Object javaArray(Object[] values, Class<?> component) throws SQLException {
        if (values == null) {
            return null;
        }
        Object result = java.lang.reflect.Array.newInstance(component, values.length);
        for (int i = 0; i < values.length; i++) {
            Object value = convertElement(values[i], component.isPrimitive() ? boxed(component) : component);
            if (value == null && component.isPrimitive()) {
                throw new MappingException("Array element " + i + " is NULL but the target is " + component + "[]");
            }
            java.lang.reflect.Array.set(result, i, value);
        }
        return result;
    }

    private static Object convertElement(Object value, Class<?> element) throws SQLException {
        if (value == null || element == Object.class || element.isInstance(value)) {
            return naturalObject(value);
        }
        if (value instanceof Number number) {
            if (element == Long.class) {
                return number.longValue();
            }
            if (element == Integer.class) {
                return number.intValue();
            }
            if (element == Double.class) {
                return number.doubleValue();
            }
            if (element == BigDecimal.class) {
                return new BigDecimal(number.toString());
            }
        }
        if (element == UUID.class) {
            return UUID.fromString(value.toString());
        }
        if (element == String.class) {
            return value.toString();
        }
        if (element.isEnum()) {
            return enumValue(element, value.toString());
        }
        throw new MappingException("Cannot convert array element " + value + " (" + value.getClass().getName() + ") to "
                + element.getName());
    }

    private static Class<?> elementType(Type generic) {
        if (generic instanceof ParameterizedType parameterized
                && parameterized.getActualTypeArguments()[0] instanceof Class<?> element) {
            return element;
        }
        return Object.class;
    }

    private static Class<?> boxed(Class<?> primitive) {
        return java.lang.invoke.MethodType.methodType(primitive).wrap().returnType();
    }

    private static String boxedName(Class<?> primitive) {
        return boxed(primitive).getSimpleName();
    }
}
