package io.quarkiverse.sqlspec.runtime.sql;

import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The named statements read at build time from {@code sql/**}{@code /*.sql}: one bean, recorded at static init.
 */
public final class NamedSqlRegistry {

    private final Map<String, String> statements;

    public NamedSqlRegistry(Map<String, String> statements) {
        this.statements = Map.copyOf(statements);
    }

    public String sql(String name) {
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

    private String closest(String name) {
        String prefix = name.contains(".") ? name.substring(0, name.indexOf('.') + 1) : "";
        Map<String, String> sorted = new TreeMap<>(statements);
        String similar = sorted.keySet().stream().filter(key -> !prefix.isEmpty() && key.startsWith(prefix))
                .collect(Collectors.joining(", "));
        return similar.isEmpty() ? String.join(", ", sorted.keySet()) : similar;
    }
}
