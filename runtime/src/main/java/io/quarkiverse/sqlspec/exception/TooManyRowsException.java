package io.quarkiverse.sqlspec.exception;

/**
 * A query that must return at most one row returned several.
 */
public class TooManyRowsException extends SqlSpecException {

    private final long count;

    public TooManyRowsException(long count, String sql) {
        super("expected at most one row but the query returned " + count + " rows: " + SqlExcerpt.of(sql));
        this.count = count;
    }

    /** How many rows the query returned. */
    public long count() {
        return count;
    }
}
