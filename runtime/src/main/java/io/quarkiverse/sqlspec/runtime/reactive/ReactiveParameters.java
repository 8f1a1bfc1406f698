package io.quarkiverse.sqlspec.runtime.reactive;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkiverse.sqlspec.runtime.sql.ParameterValues;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Tuple;

/**
 * Java values as the reactive PostgreSQL client binds them, by the rules of the JDBC binder
 * ({@code io.quarkiverse.sqlspec.runtime.jdbc.ParameterBinder}): the common conversions of {@link ParameterValues},
 * collections and arrays as typed SQL arrays, maps as JSON objects. A String cast to JSON in the
 * statement ({@code ?::jsonb}) is JSON text, as PostgreSQL reads it from pgjdbc; the client would otherwise bind it as
 * a JSON string value.
 */
public final class ReactiveParameters {

    private ReactiveParameters() {
    }

    /**
     * @param jsonSlots which values the statement casts to JSON ({@code ParsedSql.jsonSlots()}), or {@code null}
     * @throws SQLException (22P02) when JSON text in such a slot is not JSON, as PostgreSQL would answer
     */
    public static Tuple tuple(Object[] values, boolean[] jsonSlots) throws SQLException {
        Tuple tuple = Tuple.tuple();
        for (int i = 0; i < values.length; i++) {
            Object value = values[i];
            tuple.addValue(jsonSlots != null && jsonSlots[i] && value instanceof String text ? json(text) : convert(value));
        }
        return tuple;
    }

    private static Object json(String text) throws SQLException {
        Object value;
        try {
            value = Json.decodeValue(text);
        } catch (DecodeException e) {
            throw new SQLException("ERROR: invalid input syntax for type json\n  Detail: " + e.getMessage(), "22P02", e);
        }
        if (value == null) {
            return Tuple.JSON_NULL;
        }
        if (value instanceof Map<?, ?> map) {
            return new JsonObject(stringKeys(map));
        }
        if (value instanceof List<?> list) {
            return new JsonArray(new ArrayList<>(list));
        }
        return value;
    }

    private static Object convert(Object original) {
        Object value = ParameterValues.normalized(original);
        if (value == null || value instanceof String || value instanceof Integer || value instanceof Long
                || value instanceof Boolean) {
            return value;
        }
        if (value instanceof byte[] bytes) {
            return Buffer.buffer(bytes);
        }
        if (value instanceof Map<?, ?> map) {
            return new JsonObject(stringKeys(map));
        }
        if (value instanceof Collection<?> collection) {
            return typedArray(collection.toArray());
        }
        if (value.getClass().isArray() && !(value instanceof Object[] && isTyped(value))) {
            return typedArray(boxed(value));
        }
        return value;
    }

    /** An array the client can bind as it is: of a type it knows (Integer[], String[], UUID[], ...). */
    private static boolean isTyped(Object array) {
        Class<?> component = array.getClass().getComponentType();
        // the components ParameterValues converts must be converted element by element
        return component != Object.class && !component.isEnum() && component != Instant.class
                && component != ZonedDateTime.class && component != BigInteger.class;
    }

    /** The client binds arrays by their Java component type: Object[] becomes the type of its first element. */
    private static Object typedArray(Object[] elements) {
        Object[] converted = new Object[elements.length];
        Class<?> type = null;
        for (int i = 0; i < elements.length; i++) {
            converted[i] = convert(elements[i]);
            if (type == null && converted[i] != null) {
                type = elementType(converted[i]);
            }
        }
        Class<?> component = type == null ? String.class : type;
        Object typed = java.lang.reflect.Array.newInstance(component, converted.length);
        for (int i = 0; i < converted.length; i++) {
            java.lang.reflect.Array.set(typed, i, element(converted[i], component));
        }
        return typed;
    }

    private static Class<?> elementType(Object value) {
        if (value instanceof Integer || value instanceof Short) {
            return Integer.class;
        }
        if (value instanceof Double || value instanceof Float) {
            return Double.class;
        }
        for (Class<?> known : List.of(Long.class, UUID.class, BigDecimal.class, Boolean.class, LocalDate.class,
                OffsetDateTime.class)) {
            if (known.isInstance(value)) {
                return known;
            }
        }
        return String.class;
    }

    private static Object element(Object value, Class<?> type) {
        if (value == null || type.isInstance(value)) {
            return value;
        }
        if (value instanceof Number number) {
            if (type == Integer.class) {
                return number.intValue();
            }
            if (type == Long.class) {
                return number.longValue();
            }
            if (type == Double.class) {
                return number.doubleValue();
            }
        }
        return value.toString();
    }

    private static Object[] boxed(Object array) {
        int length = java.lang.reflect.Array.getLength(array);
        Object[] boxed = new Object[length];
        for (int i = 0; i < length; i++) {
            boxed[i] = java.lang.reflect.Array.get(array, i);
        }
        return boxed;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> stringKeys(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }
}
