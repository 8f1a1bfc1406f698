package io.quarkiverse.sqlspec.runtime.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a script into its statements at the semicolons that end them: not those in quotes, quoted identifiers,
 * comments or dollar-quoted strings (function bodies). Each statement keeps the line it starts on, for messages.
 */
public final class SqlScripts {

    /** One statement of a script and the line (1-based) of the script it starts on. */
    public record ScriptStatement(String sql, int line) {
    }

    private SqlScripts() {
    }

    public static List<ScriptStatement> split(String script) {
        List<ScriptStatement> statements = new ArrayList<>();
        int length = script.length();
        int start = 0;
        int i = 0;
        while (i < length) {
            char c = script.charAt(i);
            String tag = c == '$' ? dollarTag(script, i) : null;
            if (c == '\'' || c == '"') {
                i = closing(script, i + 1, String.valueOf(c));
            } else if (c == '-' && i + 1 < length && script.charAt(i + 1) == '-') {
                i = closing(script, i + 2, "\n");
            } else if (c == '/' && i + 1 < length && script.charAt(i + 1) == '*') {
                i = blockCommentEnd(script, i + 2);
            } else if (tag != null) {
                i = closing(script, i + tag.length(), tag);
            } else {
                if (c == ';') {
                    add(statements, script, start, i);
                    start = i + 1;
                }
                i++;
            }
        }
        add(statements, script, start, length);
        return statements;
    }

    private static void add(List<ScriptStatement> statements, String script, int from, int to) {
        String sql = script.substring(from, to).strip();
        if (!sql.isEmpty() && !onlyComments(sql)) {
            int first = script.indexOf(sql.charAt(0), from);
            statements.add(new ScriptStatement(sql, 1 + count(script, 0, first)));
        }
    }

    private static boolean onlyComments(String sql) {
        for (String line : sql.split("\n")) {
            if (!line.isBlank() && !line.strip().startsWith("--")) {
                return false;
            }
        }
        return true;
    }

    /** The index after the first {@code close} at or after {@code from}, or the end of the text. */
    private static int closing(String text, int from, String close) {
        int at = text.indexOf(close, from);
        return at < 0 ? text.length() : at + close.length();
    }

    /** PostgreSQL's block comments nest. */
    private static int blockCommentEnd(String text, int from) {
        int depth = 1;
        int i = from;
        while (i < text.length() && depth > 0) {
            if (text.startsWith("/*", i)) {
                depth++;
                i += 2;
            } else if (text.startsWith("*/", i)) {
                depth--;
                i += 2;
            } else {
                i++;
            }
        }
        return i;
    }

    /** {@code $$} or {@code $tag$} starting at {@code at}; {@code null} for a {@code $1} placeholder or text. */
    private static String dollarTag(String text, int at) {
        int i = at + 1;
        while (i < text.length() && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_')) {
            i++;
        }
        if (i >= text.length() || text.charAt(i) != '$' || (i > at + 1 && Character.isDigit(text.charAt(at + 1)))) {
            return null;
        }
        return text.substring(at, i + 1);
    }

    private static int count(String text, int from, int to) {
        int lines = 0;
        for (int i = from; i < to && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                lines++;
            }
        }
        return lines;
    }
}
