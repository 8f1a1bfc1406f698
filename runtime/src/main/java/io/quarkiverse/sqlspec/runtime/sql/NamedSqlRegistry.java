package io.quarkiverse.sqlspec.runtime.sql;

import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The named statements read at build time from {@code sql/**}{@code /*.sql}, registered at static init.
 */
public final class NamedSqlRegistry {

    private static volatile Map<String, String> statements = Map.of();

    private NamedSqlRegistry() {
    }

    public static void register(Map<String, String> named) {
        statements = Map.copyOf(named);
    }

    public static String get(String name) {
        String sql = statements.get(name);
        if (sql == null) {
            throw new IllegalArgumentException("No SQL statement is named '" + name + "'. "
                    + (statements.isEmpty()
                            ? "No named statements were found: put '-- name: " + name
                                    + "' blocks in src/main/resources/sql/*.sql"
                            : "Known names: " + closest(name)));
        }
        return sql;
    }

    private static String closest(String name) {
        String prefix = name.contains(".") ? name.substring(0, name.indexOf('.') + 1) : "";
        Map<String, String> sorted = new TreeMap<>(statements);
        String similar = sorted.keySet().stream().filter(key -> !prefix.isEmpty() && key.startsWith(prefix))
                .collect(Collectors.joining(", "));
        return similar.isEmpty() ? String.join(", ", sorted.keySet()) : similar;
    }
}
