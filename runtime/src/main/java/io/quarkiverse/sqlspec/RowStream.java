package io.quarkiverse.sqlspec;

import java.util.stream.Stream;

/**
 * The rows of a query, read from the database in batches as they are iterated, so that a result of any size takes the
 * memory of one batch ({@code quarkus.sqlspec.stream-fetch-size} rows). Read it once, then close it:
 *
 * <pre>
 * try (RowStream&lt;User&gt; users = db.stream(User.class, "SELECT id, name, email FROM users ORDER BY id")) {
 *     for (User user : users) {
 *         ...
 *     }
 * }
 * </pre>
 *
 * A REST resource method may also return it: the rows are written as a JSON array ({@code application/json}) or one
 * JSON document per line ({@code application/x-ndjson}) while they are read, each row by the application's JSON
 * provider, and the request's transaction ends once the last row is written (see the "Large results" page).
 * <p>
 * On PostgreSQL the rows are read through a cursor, which lives in a transaction: one begins with the stream if none
 * has.
 *
 * @param <T> the row type: a record, a class with properties, a single-column value type, or {@code Map}
 */
public interface RowStream<T> extends Iterable<T>, AutoCloseable {

    /**
     * The rows as a sequential {@link Stream}; closing it closes this row stream.
     */
    Stream<T> stream();

    /**
     * How many rows have been read so far.
     */
    long rowsRead();

    /**
     * Closes the cursor, whether or not every row was read. Safe to call more than once.
     */
    @Override
    void close();
}
