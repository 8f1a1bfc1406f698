package io.quarkiverse.sqlspec.runtime.sql;

/**
 * Lexical checks on SQL text that do not need the parameter parser.
 */
final class SqlText {

    private SqlText() {
    }

    /**
     * @return a description of the first quote, comment or dollar-quoted string left open, or {@code null}
     */
    static String unterminatedConstruct(String sql) {
        int i = 0;
        int length = sql.length();
        while (i < length) {
            char c = sql.charAt(i);
            if (c == '\'') {
                int end = endOfQuoted(sql, i + 1, '\'', isEscapeString(sql, i));
                if (end < 0) {
                    return "an unterminated string literal starting at offset " + i;
                }
                i = end;
            } else if (c == '"') {
                int end = endOfQuoted(sql, i + 1, '"', false);
                if (end < 0) {
                    return "an unterminated quoted identifier starting at offset " + i;
                }
                i = end;
            } else if (c == '-' && i + 1 < length && sql.charAt(i + 1) == '-') {
                int newline = sql.indexOf('\n', i);
                i = newline < 0 ? length : newline + 1;
            } else if (c == '/' && i + 1 < length && sql.charAt(i + 1) == '*') {
                int end = endOfBlockComment(sql, i + 2);
                if (end < 0) {
                    return "an unterminated /* comment starting at offset " + i;
                }
                i = end;
            } else if (c == '$') {
                String tag = dollarTag(sql, i);
                if (tag != null) {
                    int close = sql.indexOf(tag, i + tag.length());
                    if (close < 0) {
                        return "an unterminated dollar-quoted string " + tag + " starting at offset " + i;
                    }
                    i = close + tag.length();
                } else {
                    i++;
                }
            } else {
                i++;
            }
        }
        return null;
    }

    private static boolean isEscapeString(String sql, int quote) {
        if (quote == 0) {
            return false;
        }
        char before = sql.charAt(quote - 1);
        boolean prefixed = before == 'E' || before == 'e';
        return prefixed && (quote < 2 || !Character.isLetterOrDigit(sql.charAt(quote - 2)) && sql.charAt(quote - 2) != '_');
    }

    private static int endOfQuoted(String sql, int from, char quote, boolean backslashEscapes) {
        int i = from;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (backslashEscapes && c == '\\') {
                i += 2;
            } else if (c == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    i += 2;
                } else {
                    return i + 1;
                }
            } else {
                i++;
            }
        }
        return -1;
    }

    private static int endOfBlockComment(String sql, int from) {
        int depth = 1;
        int i = from;
        while (i + 1 < sql.length()) {
            if (sql.charAt(i) == '/' && sql.charAt(i + 1) == '*') {
                depth++;
                i += 2;
            } else if (sql.charAt(i) == '*' && sql.charAt(i + 1) == '/') {
                depth--;
                i += 2;
                if (depth == 0) {
                    return i;
                }
            } else {
                i++;
            }
        }
        return -1;
    }

    /** {@code $tag$} or {@code $$} at {@code start}, or {@code null} for a {@code $1} parameter or a lone dollar. */
    private static String dollarTag(String sql, int start) {
        if (start > 0 && (Character.isLetterOrDigit(sql.charAt(start - 1)) || sql.charAt(start - 1) == '_')) {
            return null; // part of an identifier such as a$b
        }
        int i = start + 1;
        if (i < sql.length() && Character.isDigit(sql.charAt(i))) {
            return null;
        }
        while (i < sql.length() && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_')) {
            i++;
        }
        if (i < sql.length() && sql.charAt(i) == '$') {
            return sql.substring(start, i + 1);
        }
        return null;
    }
}
