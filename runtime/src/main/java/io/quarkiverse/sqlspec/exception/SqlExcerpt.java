package io.quarkiverse.sqlspec.exception;

/**
 * SQL text shortened for messages.
 */
final class SqlExcerpt {

    private static final int MAX = 500;

    private SqlExcerpt() {
    }

    static String of(String sql) {
        if (sql == null) {
            return "(no SQL)";
        }
        String flat = sql.strip().replaceAll("\\s+", " ");
        return flat.length() <= MAX ? flat : flat.substring(0, MAX) + "...";
    }
}
