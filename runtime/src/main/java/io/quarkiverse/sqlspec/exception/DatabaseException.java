package io.quarkiverse.sqlspec.exception;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The database refused a statement. Carries the SQLSTATE, the SQL text and, for constraint violations, the constraint
 * name. Subclasses name the common cases; Quarkus REST answers them with 409 (unique violation), 503 (timeout, lost
 * connection) or 500, with a body that contains neither SQL nor a stack trace.
 */
public class DatabaseException extends SqlSpecException {

    private static final Pattern CONSTRAINT = Pattern.compile("constraint \"([^\"]+)\"");

    private final String sqlState;
    private final String sql;

    public DatabaseException(String message, String sqlState, String sql, Throwable cause) {
        super(message + (sqlState == null ? "" : " [SQLSTATE " + sqlState + "]")
                + (sql == null ? "" : " in: " + SqlExcerpt.of(sql)), cause);
        this.sqlState = sqlState;
        this.sql = sql;
    }

    /** The five-character SQLSTATE, or {@code null} when the driver gave none. */
    public String sqlState() {
        return sqlState;
    }

    /** The SQL text that failed, or {@code null}. */
    public String sql() {
        return sql;
    }

    /** The violated constraint's name when the database names it, else {@code null}. */
    public String constraint() {
        Throwable cause = getCause();
        if (cause == null || cause.getMessage() == null) {
            return null;
        }
        Matcher matcher = CONSTRAINT.matcher(cause.getMessage());
        return matcher.find() ? matcher.group(1) : null;
    }
}
