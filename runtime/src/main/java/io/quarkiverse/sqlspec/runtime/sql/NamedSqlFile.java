package io.quarkiverse.sqlspec.runtime.sql;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.quarkiverse.sqlspec.exception.SqlParameterException;

/**
 * Reads one SQL file of named statements, SQLSpec's loader format:
 *
 * <pre>
 * -- name: users.by_email
 * SELECT * FROM users WHERE email = :email;
 * </pre>
 *
 * A statement runs from its {@code -- name:} line to the next one; a trailing semicolon is dropped. Used at build
 * time, where a mistake fails the build with the file and line.
 */
public final class NamedSqlFile {

    private static final Pattern NAME = Pattern.compile("^\\s*--\\s*name\\s*:\\s*([A-Za-z0-9_.\\-]+)\\s*$");

    public record Statement(String name, String sql, int line) {
    }

    public static final class InvalidSqlFileException extends RuntimeException {
        public InvalidSqlFileException(String message) {
            super(message);
        }
    }

    private NamedSqlFile() {
    }

    /** The named statements of a file, each checked like a statement the application runs. */
    public static List<Statement> parse(String file, String content) {
        List<Statement> statements = blocks(file, content);
        for (Statement statement : statements) {
            String problem = parse(file, statement.line(), statement.name(), statement.sql()).unterminatedConstruct();
            if (problem != null) {
                throw new InvalidSqlFileException(file + ":" + statement.line() + ": statement '" + statement.name()
                        + "' has " + problem);
            }
        }
        return statements;
    }

    /**
     * The {@code -- name:} blocks of a file, unchecked: a block runs from its {@code -- name:} line to the next one,
     * a trailing semicolon dropped; only comments and blank lines may come before the first.
     */
    public static List<Statement> blocks(String file, String content) {
        List<Statement> statements = new ArrayList<>();
        String[] lines = content.split("\r?\n", -1);
        String name = null;
        int nameLine = 0;
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            Matcher matcher = NAME.matcher(lines[i]);
            if (matcher.matches()) {
                add(statements, file, name, body, nameLine);
                name = matcher.group(1);
                nameLine = i + 1;
                body.setLength(0);
            } else if (name != null) {
                body.append(lines[i]).append('\n');
            } else if (!lines[i].isBlank() && !lines[i].trim().startsWith("--")) {
                throw new InvalidSqlFileException(file + ":" + (i + 1)
                        + ": SQL before the first '-- name: <name>' line; every statement needs a name");
            }
        }
        add(statements, file, name, body, nameLine);
        return statements;
    }

    /**
     * Merges the statements of several files, failing on a name defined twice.
     */
    public static Map<String, String> merge(Map<String, List<Statement>> statementsByFile) {
        Map<String, String> merged = new LinkedHashMap<>();
        Map<String, String> origin = new LinkedHashMap<>();
        statementsByFile.forEach((file, statements) -> {
            for (Statement statement : statements) {
                String where = file + ":" + statement.line();
                String previous = origin.putIfAbsent(statement.name(), where);
                if (previous != null) {
                    throw new InvalidSqlFileException("SQL statement name '" + statement.name() + "' is defined twice: at "
                            + previous + " and at " + where + ". Names must be unique across all sql/ files");
                }
                merged.put(statement.name(), statement.sql());
            }
        });
        return merged;
    }

    private static ParsedSql parse(String file, int line, String name, String sql) {
        try {
            return SqlParser.parse(sql);
        } catch (SqlParameterException e) {
            throw new InvalidSqlFileException(file + ":" + line + ": statement '" + name + "': " + e.getMessage());
        }
    }

    private static void add(List<Statement> statements, String file, String name, StringBuilder body, int line) {
        if (name == null) {
            return;
        }
        String sql = body.toString().strip();
        if (sql.endsWith(";")) {
            sql = sql.substring(0, sql.length() - 1).strip();
        }
        if (sql.isEmpty()) {
            throw new InvalidSqlFileException(file + ":" + line + ": statement '" + name + "' has no SQL");
        }
        statements.add(new Statement(name, sql, line));
    }
}
