package io.quarkiverse.sqlspec.runtime.sql;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import io.quarkiverse.sqlspec.exception.SqlParameterException;

/**
 * A statement converted once to JDBC form: its {@code ?} text and how the caller's arguments fill its slots.
 */
public final class ParsedSql {

    private static final ClassValue<Map<String, Method>> RECORD_ACCESSORS = new ClassValue<>() {
        @Override
        protected Map<String, Method> computeValue(Class<?> type) {
            Map<String, Method> accessors = new HashMap<>();
            for (RecordComponent component : type.getRecordComponents()) {
                Method accessor = component.getAccessor();
                accessor.setAccessible(true);
                accessors.put(component.getName(), accessor);
            }
            return accessors;
        }
    };

    private final String sql;
    private final String jdbcSql;
    private final ParameterStyle style;
    private final int expectedArguments;
    /** NUMBERED: the argument index of each slot. */
    private final int[] slotArguments;
    /** NAMED: the name of each slot. */
    private final String[] slotNames;
    private final List<String> names;
    private final String unterminatedConstruct;
    private final boolean readOnly;
    private final boolean escapedQuestionMark;
    private final String postgresSql;
    private final boolean[] jsonSlots;

    ParsedSql(String sql, String jdbcSql, ParameterStyle style, int expectedArguments, int[] slotArguments,
            String[] slotNames, List<String> names, String unterminatedConstruct, boolean readOnly,
            boolean escapedQuestionMark, String postgresSql, boolean[] jsonSlots) {
        this.jsonSlots = jsonSlots;
        this.postgresSql = postgresSql;
        this.unterminatedConstruct = unterminatedConstruct;
        this.readOnly = readOnly;
        this.escapedQuestionMark = escapedQuestionMark;
        this.sql = sql;
        this.jdbcSql = jdbcSql;
        this.style = style;
        this.expectedArguments = expectedArguments;
        this.slotArguments = slotArguments;
        this.slotNames = slotNames;
        this.names = names;
    }

    public String sql() {
        return sql;
    }

    public String jdbcSql() {
        return jdbcSql;
    }

    /** The text with PostgreSQL's numbered placeholders ({@code $1} for the first slot), for the reactive client. */
    public String postgresSql() {
        return postgresSql;
    }

    /**
     * Which slots the statement casts to {@code json} or {@code jsonb} ({@code ?::jsonb}), or {@code null} when none
     * is: a String bound there is JSON text, which the reactive client must be given as a JSON value.
     */
    public boolean[] jsonSlots() {
        return jsonSlots;
    }

    public ParameterStyle style() {
        return style;
    }

    /** Distinct parameter names in order of first appearance (NAMED only). */
    public List<String> names() {
        return names;
    }

    /**
     * The first quote, comment or dollar-quoted string the text leaves open (the database would reject it), or
     * {@code null}. Checked at build time for named SQL files.
     */
    public String unterminatedConstruct() {
        return unterminatedConstruct;
    }

    /**
     * Whether the statement can only read (see {@link ReadOnlyStatements}): it may run before the request's
     * transaction begins.
     */
    public boolean readOnly() {
        return readOnly;
    }

    /** Whether the text holds pgjdbc's {@code ??} escape for a literal {@code ?}. */
    public boolean escapedQuestionMark() {
        return escapedQuestionMark;
    }

    /** How many JDBC {@code ?} slots the converted text has. */
    public int slots() {
        return style == ParameterStyle.NAMED ? slotNames.length
                : style == ParameterStyle.NUMBERED ? slotArguments.length : expectedArguments;
    }

    /**
     * The values in JDBC slot order.
     */
    public Object[] bind(Object[] args) {
        switch (style) {
            case NONE:
            case QMARK:
                checkCount(args);
                return args;
            case NUMBERED:
                checkCount(args);
                Object[] values = new Object[slotArguments.length];
                for (int i = 0; i < values.length; i++) {
                    values[i] = args[slotArguments[i]];
                }
                return values;
            default:
                return bindNames(args);
        }
    }

    private void checkCount(Object[] args) {
        if (args.length != expectedArguments) {
            throw new SqlParameterException("The statement expects " + expectedArguments + " parameter"
                    + (expectedArguments == 1 ? "" : "s") + " but " + args.length + (args.length == 1 ? " was" : " were")
                    + " given: " + SqlParser.excerpt(sql));
        }
    }

    private Object[] bindNames(Object[] args) {
        if (args.length != 1 || args[0] == null || !(args[0] instanceof Map || args[0].getClass().isRecord())) {
            throw new SqlParameterException("The statement uses named parameters " + names
                    + ": pass one Map or one record holding them, not " + describe(args) + ": " + SqlParser.excerpt(sql));
        }
        Object source = args[0];
        Object[] values = new Object[slotNames.length];
        if (source instanceof Map<?, ?> map) {
            for (int i = 0; i < values.length; i++) {
                String name = slotNames[i];
                Object value = map.get(name);
                if (value == null && !map.containsKey(name)) {
                    throw missing(name, new TreeSet<>(stringKeys(map)));
                }
                values[i] = value;
            }
        } else {
            Map<String, Method> accessors = RECORD_ACCESSORS.get(source.getClass());
            for (int i = 0; i < values.length; i++) {
                Method accessor = accessors.get(slotNames[i]);
                if (accessor == null) {
                    throw missing(slotNames[i], new TreeSet<>(accessors.keySet()));
                }
                values[i] = read(accessor, source);
            }
        }
        return values;
    }

    private SqlParameterException missing(String name, TreeSet<String> available) {
        return new SqlParameterException("No value for parameter :" + name + "; the values given have " + available
                + ": " + SqlParser.excerpt(sql));
    }

    private static List<String> stringKeys(Map<?, ?> map) {
        List<String> keys = new ArrayList<>();
        map.keySet().forEach(key -> keys.add(String.valueOf(key)));
        return keys;
    }

    private static Object read(Method accessor, Object record) {
        try {
            return accessor.invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new SqlParameterException("Could not read " + accessor.getName() + " of " + record.getClass().getName()
                    + ": " + e.getMessage());
        }
    }

    private static String describe(Object[] args) {
        if (args.length != 1) {
            return args.length + " values";
        }
        return args[0] == null ? "null" : "a " + args[0].getClass().getSimpleName();
    }
}
