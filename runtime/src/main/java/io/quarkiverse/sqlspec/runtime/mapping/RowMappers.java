package io.quarkiverse.sqlspec.runtime.mapping;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import io.quarkiverse.sqlspec.exception.MappingException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Builds row mappers: ordered maps, records (canonical constructor), plain classes (no-argument constructor, then
 * setters or fields) and single-column values. Columns match properties by label, ignoring case, with
 * {@code snake_case} columns matching {@code camelCase} properties. The reflective analysis of a class is done once.
 */
public final class RowMappers {

    /** What a row type is, decided once per class: this runs for every query. */
    private static final ClassValue<Object> SHAPES = new ClassValue<>() {
        @Override
        protected Object computeValue(Class<?> type) {
            if (Map.class.isAssignableFrom(type)) {
                return MAP_ROW;
            }
            if (isSingleValue(type)) {
                return SINGLE_VALUE;
            }
            return type.isRecord() ? RecordShape.of(type) : BeanShape.of(type);
        }
    };
    private static final Object MAP_ROW = new Object();
    private static final Object SINGLE_VALUE = new Object();

    private RowMappers() {
    }

    @SuppressWarnings("unchecked")
    public static <T> RowMapper<T> forClass(Class<T> type, ResultSetMetaData metaData) throws SQLException {
        Object shape = SHAPES.get(type);
        if (shape == MAP_ROW) {
            return (RowMapper<T>) mapRow(metaData);
        }
        if (shape == SINGLE_VALUE) {
            return scalar(type, metaData);
        }
        if (shape instanceof RecordShape record) {
            return (RowMapper<T>) reuse(record.last, record.typeSensitive, metaData, record::mapper);
        }
        BeanShape bean = (BeanShape) shape;
        return (RowMapper<T>) reuse(bean.last, bean.typeSensitive, metaData, bean::mapper);
    }

    /**
     * Reads the first column as {@code type}. The reader of a type that does not depend on the column is made once per
     * type; the others (Object, List) are resolved from the result's metadata per call.
     */
    @SuppressWarnings("unchecked")
    public static <T> RowMapper<T> scalar(Class<T> type) {
        return (RowMapper<T>) SCALARS.get(type);
    }

    private static final ClassValue<RowMapper<?>> SCALARS = new ClassValue<>() {
        @Override
        protected RowMapper<?> computeValue(Class<?> type) {
            if (ColumnReaders.dependsOnColumnType(type)) {
                return rs -> scalar(type, rs.getMetaData()).map(rs);
            }
            ColumnReader reader = ColumnReaders.forType(type, type, "the value");
            return rs -> reader.read(rs, 1);
        }
    };

    @SuppressWarnings("unchecked")
    private static <T> RowMapper<T> scalar(Class<T> type, ResultSetMetaData metaData) throws SQLException {
        ColumnReader reader = ColumnReaders.forType(type, type, "the value", metaData, 1);
        return rs -> (T) reader.read(rs, 1);
    }

    private static RowMapper<Map<String, Object>> mapRow(ResultSetMetaData metaData) throws SQLException {
        int count = metaData.getColumnCount();
        String[] labels = new String[count];
        ColumnReader[] readers = new ColumnReader[count];
        for (int i = 0; i < count; i++) {
            labels[i] = metaData.getColumnLabel(i + 1);
            readers[i] = ColumnReaders.natural(metaData, i + 1);
        }
        return rs -> {
            Map<String, Object> row = new LinkedHashMap<>(count * 4 / 3 + 1);
            for (int i = 0; i < count; i++) {
                row.put(labels[i], readers[i].read(rs, i + 1));
            }
            return row;
        };
    }

    static boolean isSingleValue(Class<?> type) {
        return type.isPrimitive() || type.isEnum() || type.isArray() || type == String.class
                || Number.class.isAssignableFrom(type) || type == Boolean.class || type == UUID.class
                || Temporal.class.isAssignableFrom(type) || type == BigDecimal.class || type == BigInteger.class
                || type == JsonObject.class || type == JsonArray.class || List.class.isAssignableFrom(type)
                || type == Object.class || type == Character.class;
    }

    /** {@code created_at} → {@code createdat}: the key both column labels and property names are matched on. */
    static String matchKey(String name) {
        return name.replace("_", "").toLowerCase(Locale.ROOT);
    }

    private static Map<String, Integer> columnsByKey(ResultSetMetaData metaData) throws SQLException {
        Map<String, Integer> columns = new LinkedHashMap<>();
        for (int i = 1; i <= metaData.getColumnCount(); i++) {
            columns.putIfAbsent(matchKey(metaData.getColumnLabel(i)), i);
        }
        return columns;
    }

    /**
     * The last column binding built for a row type, reused while result sets have the same columns (same labels, and
     * same SQL types when a property's reader depends on them; checked on every call without allocating). A type is
     * usually read by one query, so one entry is enough; a type read by several queries still maps correctly, it only
     * builds its binding more often.
     */
    private static final class Binding {
        final String[] labels;
        /** {@code null} when no reader depends on the SQL types: only the labels decide then. */
        final int[] types;
        final RowMapper<Object> mapper;

        Binding(ResultSetMetaData metaData, boolean typeSensitive, RowMapper<Object> mapper) throws SQLException {
            int count = metaData.getColumnCount();
            this.labels = new String[count];
            this.types = typeSensitive ? new int[count] : null;
            for (int i = 0; i < count; i++) {
                labels[i] = metaData.getColumnLabel(i + 1);
                if (typeSensitive) {
                    types[i] = metaData.getColumnType(i + 1);
                }
            }
            this.mapper = mapper;
        }

        boolean fits(ResultSetMetaData metaData) throws SQLException {
            if (metaData.getColumnCount() != labels.length) {
                return false;
            }
            for (int i = 0; i < labels.length; i++) {
                if (!labels[i].equals(metaData.getColumnLabel(i + 1))
                        || types != null && metaData.getColumnType(i + 1) != types[i]) {
                    return false;
                }
            }
            return true;
        }
    }

    @FunctionalInterface
    private interface MapperBuilder {
        RowMapper<Object> build(ResultSetMetaData metaData) throws SQLException;
    }

    private static RowMapper<Object> reuse(AtomicReference<Binding> last, boolean typeSensitive,
            ResultSetMetaData metaData, MapperBuilder builder) throws SQLException {
        Binding binding = last.get();
        if (binding != null && binding.fits(metaData)) {
            return binding.mapper;
        }
        RowMapper<Object> mapper = builder.build(metaData);
        last.set(new Binding(metaData, typeSensitive, mapper));
        return mapper;
    }

    private static final class RecordShape {
        final Class<?> type;
        final RecordComponent[] components;
        final Constructor<?> constructor;
        final boolean typeSensitive;
        final AtomicReference<Binding> last = new AtomicReference<>();

        RecordShape(Class<?> type, RecordComponent[] components, Constructor<?> constructor) {
            this.type = type;
            this.components = components;
            this.constructor = constructor;
            this.typeSensitive = Arrays.stream(components)
                    .anyMatch(component -> ColumnReaders.dependsOnColumnType(component.getType()));
        }

        static RecordShape of(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            Class<?>[] parameterTypes = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                parameterTypes[i] = components[i].getType();
            }
            try {
                Constructor<?> constructor = type.getDeclaredConstructor(parameterTypes);
                constructor.setAccessible(true);
                return new RecordShape(type, components, constructor);
            } catch (NoSuchMethodException e) {
                throw new MappingException("Record " + type.getName() + " has no canonical constructor", e);
            }
        }

        RowMapper<Object> mapper(ResultSetMetaData metaData) throws SQLException {
            Map<String, Integer> columns = columnsByKey(metaData);
            int[] indexes = new int[components.length];
            ColumnReader[] readers = new ColumnReader[components.length];
            for (int i = 0; i < components.length; i++) {
                RecordComponent component = components[i];
                Integer column = columns.get(matchKey(component.getName()));
                if (column == null) {
                    throw new MappingException("No column for component '" + component.getName() + "' of record "
                            + type.getName() + "; the result has columns " + labels(metaData)
                            + ". Select it (or alias a column AS " + snake(component.getName()) + ")");
                }
                indexes[i] = column;
                readers[i] = ColumnReaders.forType(component.getType(), component.getGenericType(),
                        type.getSimpleName() + "." + component.getName(), metaData, column);
            }
            return rs -> {
                Object[] arguments = new Object[readers.length];
                for (int i = 0; i < readers.length; i++) {
                    arguments[i] = readers[i].read(rs, indexes[i]);
                }
                return instantiate(constructor, arguments);
            };
        }
    }

    private static final class BeanShape {
        final Class<?> type;
        final Constructor<?> constructor;
        final Map<String, Property> properties;
        final boolean typeSensitive;
        final AtomicReference<Binding> last = new AtomicReference<>();

        BeanShape(Class<?> type, Constructor<?> constructor, Map<String, Property> properties) {
            this.type = type;
            this.constructor = constructor;
            this.properties = properties;
            this.typeSensitive = properties.values().stream()
                    .anyMatch(property -> ColumnReaders.dependsOnColumnType(property.type));
        }

        static BeanShape of(Class<?> type) {
            Constructor<?> constructor;
            try {
                constructor = type.getDeclaredConstructor();
                constructor.setAccessible(true);
            } catch (NoSuchMethodException e) {
                throw new MappingException("Cannot map rows to " + type.getName()
                        + ": it is neither a record nor a class with a no-argument constructor");
            }
            Map<String, Property> properties = new LinkedHashMap<>();
            for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
                for (Method method : c.getDeclaredMethods()) {
                    if (method.getName().length() > 3 && method.getName().startsWith("set")
                            && method.getParameterCount() == 1 && !Modifier.isStatic(method.getModifiers())) {
                        method.setAccessible(true);
                        properties.putIfAbsent(matchKey(method.getName().substring(3)), new Property(
                                method.getName().substring(3), method.getParameterTypes()[0],
                                method.getGenericParameterTypes()[0], method, null));
                    }
                }
                for (Field field : c.getDeclaredFields()) {
                    int modifiers = field.getModifiers();
                    if (!Modifier.isStatic(modifiers) && !Modifier.isFinal(modifiers) && !field.isSynthetic()) {
                        field.setAccessible(true);
                        properties.putIfAbsent(matchKey(field.getName()), new Property(field.getName(), field.getType(),
                                field.getGenericType(), null, field));
                    }
                }
            }
            return new BeanShape(type, constructor, properties);
        }

        RowMapper<Object> mapper(ResultSetMetaData metaData) throws SQLException {
            List<Property> bound = new ArrayList<>();
            List<Integer> columns = new ArrayList<>();
            List<ColumnReader> readers = new ArrayList<>();
            for (int i = 1; i <= metaData.getColumnCount(); i++) {
                Property property = properties.get(matchKey(metaData.getColumnLabel(i)));
                if (property != null && !bound.contains(property)) {
                    bound.add(property);
                    columns.add(i);
                    readers.add(ColumnReaders.forType(property.type, property.genericType,
                            type.getSimpleName() + "." + property.name, metaData, i));
                }
            }
            if (bound.isEmpty() && !properties.isEmpty()) {
                throw new MappingException("No column of the result " + labels(metaData) + " matches a property of "
                        + type.getName() + " " + properties.values().stream().map(p -> p.name).toList());
            }
            Property[] props = bound.toArray(new Property[0]);
            int[] indexes = columns.stream().mapToInt(Integer::intValue).toArray();
            ColumnReader[] columnReaders = readers.toArray(new ColumnReader[0]);
            return rs -> {
                Object bean = instantiate(constructor, new Object[0]);
                for (int i = 0; i < props.length; i++) {
                    props[i].set(bean, columnReaders[i].read(rs, indexes[i]));
                }
                return bean;
            };
        }
    }

    private record Property(String name, Class<?> type, Type genericType, Method setter, Field field) {
        void set(Object bean, Object value) {
            try {
                if (setter != null) {
                    setter.invoke(bean, value);
                } else {
                    field.set(bean, value);
                }
            } catch (IllegalAccessException | InvocationTargetException | IllegalArgumentException e) {
                throw new MappingException("Cannot set " + bean.getClass().getSimpleName() + "." + name + ": "
                        + e.getMessage(), e);
            }
        }
    }

    private static Object instantiate(Constructor<?> constructor, Object[] arguments) {
        try {
            return constructor.newInstance(arguments);
        } catch (InvocationTargetException e) {
            throw new MappingException("The constructor of " + constructor.getDeclaringClass().getName() + " threw "
                    + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException | IllegalArgumentException e) {
            throw new MappingException("Cannot create " + constructor.getDeclaringClass().getName() + ": " + e, e);
        }
    }

    private static List<String> labels(ResultSetMetaData metaData) throws SQLException {
        List<String> labels = new ArrayList<>();
        for (int i = 1; i <= metaData.getColumnCount(); i++) {
            labels.add(metaData.getColumnLabel(i));
        }
        return labels;
    }

    private static String snake(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }
}
