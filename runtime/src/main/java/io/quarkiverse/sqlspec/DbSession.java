package io.quarkiverse.sqlspec;

import java.sql.Connection;
import java.util.List;
import java.util.Map;

import io.quarkiverse.sqlspec.exception.NoResultException;
import io.quarkiverse.sqlspec.exception.TooManyRowsException;

/**
 * SQL access to one datasource, the way SQLSpec does it: write SQL, get rows back.
 * <p>
 * Inject it per datasource: {@code @Inject DbSession db} for the default datasource,
 * {@code @Inject @DataSource("analytics") DbSession analytics} for a named one. In an HTTP request, every session of a
 * datasource uses the same pooled connection, taken on first use; the transaction is committed or rolled back from the
 * response status (see the datasource's {@link CommitMode}). Outside an HTTP request, use
 * {@link SqlSpec#transaction(String, java.util.function.Function)}; without one, each statement runs on its own pooled
 * connection in auto-commit mode.
 * <p>
 * Placeholders: {@code ?}, {@code $1} (may repeat), or {@code :name} (may repeat; values from one {@link Map} or one
 * record). Text in quotes, comments and dollar-quoted strings is never a placeholder; {@code ::type} casts are not
 * parameters. {@code null} binds as SQL NULL.
 * <p>
 * The methods of this interface block: call them from worker threads (blocking resource methods, or methods annotated
 * {@code @Blocking}); from the event loop use {@link #async()}.
 */
public interface DbSession {

    /**
     * Runs a statement (INSERT, UPDATE, DELETE, DDL, or anything with {@code RETURNING}).
     *
     * @return the affected row count and, with {@code RETURNING}, the rows
     */
    SqlResult execute(String sql, Object... params);

    /**
     * Runs one statement once per element of {@code batches} as a JDBC batch. Each element is an {@code Object[]} of
     * positional values, a {@link Map} or a record (for {@code :name} placeholders), or a single value.
     *
     * @return the total number of affected rows (an element the driver reports no count for, such as an INSERT merged
     *         by pgjdbc's {@code reWriteBatchedInserts}, counts as one row)
     */
    long executeMany(String sql, List<?> batches);

    /**
     * Runs a script of several statements separated by semicolons, without parameters (for schema set-up).
     */
    void executeScript(String script);

    /**
     * Runs a query.
     */
    SqlResult select(String sql, Object... params);

    /**
     * Runs a query that must return exactly one row.
     *
     * @throws NoResultException when there is no row (HTTP 404 by default)
     * @throws TooManyRowsException when there is more than one
     */
    Map<String, Object> selectOne(String sql, Object... params);

    /**
     * Runs a query that must return exactly one row, mapped to {@code type} (a record or a class with properties).
     */
    <T> T selectOne(Class<T> type, String sql, Object... params);

    /**
     * Runs a query that returns at most one row; {@code null} when it returns none.
     */
    Map<String, Object> selectOneOrNull(String sql, Object... params);

    /**
     * Typed variant of {@link #selectOneOrNull(String, Object...)}.
     */
    <T> T selectOneOrNull(Class<T> type, String sql, Object... params);

    /**
     * Runs a query that returns exactly one row and reads its first column as {@code type}.
     */
    <T> T selectValue(Class<T> type, String sql, Object... params);

    /**
     * Like {@link #selectValue(Class, String, Object...)}, but {@code null} when there is no row (or the value is
     * NULL).
     */
    <T> T selectValueOrNull(Class<T> type, String sql, Object... params);

    /**
     * Runs a query whose rows are read in batches while they are iterated, for results too large to hold in memory
     * (exports, reports). Close the stream when done, or return it from a REST resource method to stream it as JSON.
     *
     * @param type a record, a class with properties, or a single-column value type
     */
    <T> RowStream<T> stream(Class<T> type, String sql, Object... params);

    /**
     * Like {@link #stream(Class, String, Object...)}, with each row as an ordered map (column label to value).
     */
    RowStream<Map<String, Object>> stream(String sql, Object... params);

    /**
     * Commits the work done so far. A new transaction starts with the next statement.
     */
    void commit();

    /**
     * Rolls back the work done so far.
     */
    void rollback();

    /**
     * Sets a savepoint for nested work; undo it with {@link #rollbackTo(String)}, keep it with {@link #release(String)}.
     */
    void savepoint(String name);

    /**
     * Rolls back the work done since {@link #savepoint(String)}; the savepoint stays usable.
     */
    void rollbackTo(String name);

    /**
     * Forgets a savepoint, keeping its work in the transaction.
     */
    void release(String name);

    /**
     * The JDBC connection this session uses (taken from the pool if not yet taken). Do not close it: the extension
     * returns it to the pool when the request or transaction ends.
     */
    Connection connection();

    /**
     * The name of this session's datasource ({@code <default>} for the default one).
     */
    String datasource();

    /**
     * The non-blocking view of this session, for methods returning {@code Uni}: statements run on a worker thread and
     * complete on the caller's context.
     */
    AsyncDbSession async();
}
