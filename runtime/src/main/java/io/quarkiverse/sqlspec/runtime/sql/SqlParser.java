package io.quarkiverse.sqlspec.runtime.sql;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.TreeSet;

import io.quarkiverse.sqlspec.exception.SqlParameterException;

/**
 * Converts SQL text with {@code ?}, {@code $1} or {@code :name} placeholders into JDBC text, in one pass.
 * <p>
 * Never placeholders: text in single quotes ({@code ''} escapes), {@code E'...'} strings (backslash escapes), double
 * quoted identifiers, {@code --} and nested {@code /* *}{@code /} comments, dollar-quoted strings ({@code $$...$$},
 * {@code $tag$...$tag$}), {@code ::} casts, {@code :=} assignments, a colon that continues the expression before it
 * (slices such as {@code a[1:2]} or {@code a[lo:hi]}, DuckDB's {@code {'key':value}} and {@code lambda x:x}), and
 * {@code ??} (pgjdbc's escape for a literal {@code ?}, e.g. jsonb's {@code ??|}). One statement uses one style.
 * PostgreSQL and DuckDB read these constructs the same way; what only one of them accepts is checked per datasource
 * ({@link SqlDialect#check}). DuckDB's {@code $name} parameters cannot be bound through JDBC and are rejected.
 */
public final class SqlParser {

    private static final int EXCERPT = 120;

    private final String sql;
    private final StringBuilder out;
    /** The statement with quoted text and comments replaced by a space: what the read-only check examines. */
    private final StringBuilder code;
    private ParameterStyle style = ParameterStyle.NONE;
    private int questionMarks;
    private final List<Integer> numberedSlots = new ArrayList<>();
    private final List<String> namedSlots = new ArrayList<>();
    private final LinkedHashSet<String> names = new LinkedHashSet<>();
    /** The first quote, comment or dollar-quoted string left open, described for a build error. */
    private String unterminated;
    private boolean escapedQuestionMark;
    /** Where in {@code out} each slot's {@code ?} and each {@code ??} escape is, for the numbered PostgreSQL text. */
    private final List<Integer> slotOffsets = new ArrayList<>();
    private final List<Integer> escapeOffsets = new ArrayList<>();
    /** Whether each slot is cast to json or jsonb, where JSON text in a String means a JSON value. */
    private final List<Boolean> jsonSlots = new ArrayList<>();

    private SqlParser(String sql) {
        this.sql = sql;
        this.out = new StringBuilder(sql.length() + 8);
        this.code = new StringBuilder(sql.length());
    }

    public static ParsedSql parse(String sql) {
        if (sql == null) {
            throw new SqlParameterException("The SQL text is null");
        }
        return new SqlParser(sql).convert();
    }

    static String excerpt(String sql) {
        String flat = sql.strip().replaceAll("\\s+", " ");
        return flat.length() <= EXCERPT ? flat : flat.substring(0, EXCERPT) + "...";
    }

    private ParsedSql convert() {
        int i = 0;
        int length = sql.length();
        while (i < length) {
            char c = sql.charAt(i);
            switch (c) {
                case '\'':
                    i = copyQuoted(i, '\'', isEscapeString(i));
                    code.append(' ');
                    break;
                case '"':
                    // a quoted identifier is code: "my_func"(x) is a call
                    int start = i;
                    i = copyQuoted(i, '"', false);
                    code.append(sql, start + 1, Math.max(start + 1, i - 1));
                    break;
                case '-':
                    if (peek(i + 1) == '-') {
                        i = copyLineComment(i);
                        code.append(' ');
                    } else {
                        i = copyChar(i);
                    }
                    break;
                case '/':
                    if (peek(i + 1) == '*') {
                        i = copyBlockComment(i);
                        code.append(' ');
                    } else {
                        i = copyChar(i);
                    }
                    break;
                case '$':
                    i = dollar(i);
                    break;
                case '?':
                    i = questionMark(i);
                    break;
                case ':':
                    i = colon(i);
                    break;
                default:
                    out.append(c);
                    code.append(c);
                    i++;
            }
        }
        return build();
    }

    private ParsedSql build() {
        String jdbc = out.toString();
        String numbered = numbered(jdbc);
        boolean[] json = jsonSlots.contains(true) ? new boolean[jsonSlots.size()] : null;
        for (int slot = 0; json != null && slot < json.length; slot++) {
            json[slot] = jsonSlots.get(slot);
        }
        boolean readOnly = ReadOnlyStatements.isReadOnly(code.toString());
        switch (style) {
            case QMARK:
                return new ParsedSql(sql, jdbc, style, questionMarks, null, null, List.of(), unterminated, readOnly, escapedQuestionMark, numbered, json);
            case NUMBERED:
                int[] slots = new int[numberedSlots.size()];
                int max = 0;
                TreeSet<Integer> used = new TreeSet<>();
                for (int s = 0; s < slots.length; s++) {
                    slots[s] = numberedSlots.get(s) - 1;
                    max = Math.max(max, numberedSlots.get(s));
                    used.add(numberedSlots.get(s));
                }
                for (int n = 1; n <= max; n++) {
                    if (!used.contains(n)) {
                        throw new SqlParameterException("Parameter $" + n + " is never used, but $" + max
                                + " is: numbered parameters must run from $1 without gaps (used: " + used + "): "
                                + excerpt(sql));
                    }
                }
                return new ParsedSql(sql, jdbc, style, max, slots, null, List.of(), unterminated, readOnly, escapedQuestionMark, numbered, json);
            case NAMED:
                return new ParsedSql(sql, jdbc, style, names.size(), null, namedSlots.toArray(new String[0]),
                        List.copyOf(names), unterminated, readOnly, escapedQuestionMark, numbered, json);
            default:
                return new ParsedSql(sql, jdbc, style, 0, null, null, List.of(), unterminated, readOnly, escapedQuestionMark, numbered, json);
        }
    }

    /**
     * The JDBC text with PostgreSQL's own placeholders, as the reactive client sends it: the n-th slot becomes
     * {@code $n} (slots are bound in order) and pgjdbc's {@code ??} escape a plain {@code ?}.
     */
    private String numbered(String jdbc) {
        if (slotOffsets.isEmpty() && escapeOffsets.isEmpty()) {
            return jdbc;
        }
        StringBuilder text = new StringBuilder(jdbc.length() + slotOffsets.size() * 2);
        int slot = 0;
        int escape = 0;
        int from = 0;
        while (slot < slotOffsets.size() || escape < escapeOffsets.size()) {
            boolean nextIsSlot = escape >= escapeOffsets.size()
                    || slot < slotOffsets.size() && slotOffsets.get(slot) < escapeOffsets.get(escape);
            int at = nextIsSlot ? slotOffsets.get(slot) : escapeOffsets.get(escape);
            text.append(jdbc, from, at);
            if (nextIsSlot) {
                text.append('$').append(++slot);
                from = at + 1;
            } else {
                text.append('?');
                escape++;
                from = at + 2;
            }
        }
        return text.append(jdbc, from, jdbc.length()).toString();
    }

    private void use(ParameterStyle found, int at) {
        if (style == ParameterStyle.NONE) {
            style = found;
        } else if (style != found) {
            throw new SqlParameterException("The statement mixes " + style.display() + " and " + found.display()
                    + " placeholders (the second style starts at offset " + at + "); use one style per statement: "
                    + excerpt(sql));
        }
    }

    private int questionMark(int i) {
        if (peek(i + 1) == '?') {
            escapedQuestionMark = true;
            escapeOffsets.add(out.length());
            out.append("??");
            code.append("??");
            return i + 2;
        }
        use(ParameterStyle.QMARK, i);
        questionMarks++;
        return slot(i + 1);
    }

    /** Writes a parameter slot whose placeholder ends at {@code end} in the source, and returns {@code end}. */
    private int slot(int end) {
        slotOffsets.add(out.length());
        jsonSlots.add(castToJson(end));
        out.append('?');
        code.append('?');
        return end;
    }

    /** Whether the text at {@code at} casts the parameter before it to JSON: {@code ?::jsonb}, {@code :data::json}. */
    private boolean castToJson(int at) {
        if (!sql.startsWith("::", at)) {
            return false;
        }
        int type = at + 2;
        int end = sql.regionMatches(true, type, "jsonb", 0, 5) ? type + 5
                : sql.regionMatches(true, type, "json", 0, 4) ? type + 4 : -1;
        return end > 0 && !isIdentifierPart(peek(end));
    }

    private int colon(int i) {
        char next = peek(i + 1);
        if (next == ':') {
            out.append("::");
            code.append("::");
            return i + 2;
        }
        if (isIdentifierStart(next) && !continuesAnExpression(i)) {
            int end = i + 1;
            while (end < sql.length() && isIdentifierPart(sql.charAt(end))) {
                end++;
            }
            String name = sql.substring(i + 1, end);
            use(ParameterStyle.NAMED, i);
            namedSlots.add(name);
            names.add(name);
            return slot(end);
        }
        out.append(':');
        code.append(':');
        return i + 1;
    }

    /**
     * A colon right after a name, a number, a string or a closing bracket belongs to the expression before it: an array
     * or list slice ({@code a[lo:hi]}), a DuckDB struct field ({@code {'key':value}}) or lambda ({@code x:x + 1}).
     * A parameter follows an operator, a comma, an opening bracket or a space.
     */
    private boolean continuesAnExpression(int colon) {
        char before = peekBack(colon - 1);
        return isIdentifierPart(before) || before == '\'' || before == '"' || before == ']' || before == ')'
                || before == '}';
    }

    private int dollar(int i) {
        if (isIdentifierPart(peekBack(i - 1))) {
            return copyChar(i); // inside an identifier such as a$1
        }
        char next = peek(i + 1);
        if (Character.isDigit(next)) {
            int end = i + 1;
            while (end < sql.length() && Character.isDigit(sql.charAt(end))) {
                end++;
            }
            int number = Integer.parseInt(sql.substring(i + 1, end));
            if (number == 0) {
                throw new SqlParameterException("$0 is not a parameter: numbered parameters start at $1: " + excerpt(sql));
            }
            use(ParameterStyle.NUMBERED, i);
            numberedSlots.add(number);
            return slot(end);
        }
        int tagEnd = i + 1;
        while (tagEnd < sql.length() && isIdentifierPart(sql.charAt(tagEnd)) && sql.charAt(tagEnd) != '$') {
            tagEnd++;
        }
        if (tagEnd < sql.length() && sql.charAt(tagEnd) == '$') {
            String tag = sql.substring(i, tagEnd + 1);
            int close = sql.indexOf(tag, tagEnd + 1);
            if (close < 0) {
                open("an unterminated dollar-quoted string " + tag, i);
            }
            int end = close < 0 ? sql.length() : close + tag.length();
            out.append(sql, i, end);
            code.append(' ');
            return end;
        }
        if (isIdentifierStart(next)) {
            throw new SqlParameterException("$" + sql.substring(i + 1, tagEnd) + " at offset " + i + " is a named"
                    + " parameter in DuckDB's own syntax, which JDBC cannot bind: write :" + sql.substring(i + 1, tagEnd)
                    + " instead (SQLSpec's named parameters work on every database): " + excerpt(sql));
        }
        return copyChar(i);
    }

    private int copyQuoted(int start, char quote, boolean backslashEscapes) {
        int i = start + 1;
        boolean closed = false;
        while (i < sql.length() && !closed) {
            char c = sql.charAt(i);
            if (backslashEscapes && c == '\\') {
                i += 2;
            } else if (c == quote && peek(i + 1) == quote) {
                i += 2;
            } else {
                closed = c == quote;
                i++;
            }
        }
        if (!closed) {
            open((quote == '"' ? "an unterminated quoted identifier" : "an unterminated string literal"), start);
        }
        int end = Math.min(i, sql.length());
        out.append(sql, start, end);
        return end;
    }

    private int copyLineComment(int start) {
        int newline = sql.indexOf('\n', start);
        int end = newline < 0 ? sql.length() : newline + 1;
        out.append(sql, start, end);
        return end;
    }

    private int copyBlockComment(int start) {
        int depth = 0;
        int i = start;
        while (i < sql.length()) {
            if (sql.charAt(i) == '/' && peek(i + 1) == '*') {
                depth++;
                i += 2;
            } else if (sql.charAt(i) == '*' && peek(i + 1) == '/') {
                depth--;
                i += 2;
                if (depth == 0) {
                    break;
                }
            } else {
                i++;
            }
        }
        if (depth > 0) {
            open("an unterminated /* comment", start);
        }
        int end = Math.min(i, sql.length());
        out.append(sql, start, end);
        return end;
    }

    private void open(String what, int offset) {
        if (unterminated == null) {
            unterminated = what + " starting at offset " + offset;
        }
    }

    private int copyChar(int i) {
        out.append(sql.charAt(i));
        code.append(sql.charAt(i));
        return i + 1;
    }

    private boolean isEscapeString(int quote) {
        char before = peekBack(quote - 1);
        return (before == 'E' || before == 'e') && !isIdentifierPart(peekBack(quote - 2));
    }

    private char peek(int i) {
        return i < sql.length() ? sql.charAt(i) : '\0';
    }

    private char peekBack(int i) {
        return i >= 0 ? sql.charAt(i) : '\0';
    }

    static boolean isIdentifierStart(char c) {
        return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    static boolean isIdentifierPart(char c) {
        return isIdentifierStart(c) || (c >= '0' && c <= '9') || c == '$';
    }
}
