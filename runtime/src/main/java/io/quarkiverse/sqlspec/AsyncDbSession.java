package io.quarkiverse.sqlspec;

import java.util.List;
import java.util.Map;

import io.smallrye.mutiny.Uni;

/**
 * The non-blocking view of a {@link DbSession}, for resource methods that return {@code Uni}. Calls made on the event
 * loop run on the reactive PostgreSQL client when the application has {@code quarkus-reactive-pg-client} and the
 * datasource an active reactive pool (no thread waits; see {@code quarkus.sqlspec.async-driver}); otherwise JDBC runs
 * on a worker thread, never on the event loop. Either way the request has one connection per datasource, and the
 * commit decision waits for the response, exactly as for blocking methods.
 */
public interface AsyncDbSession {

    Uni<SqlResult> execute(String sql, Object... params);

    Uni<Long> executeMany(String sql, List<?> batches);

    Uni<List<Map<String, Object>>> select(String sql, Object... params);

    <T> Uni<List<T>> select(Class<T> type, String sql, Object... params);

    Uni<Map<String, Object>> selectOne(String sql, Object... params);

    <T> Uni<T> selectOne(Class<T> type, String sql, Object... params);

    <T> Uni<T> selectOneOrNull(Class<T> type, String sql, Object... params);

    <T> Uni<T> selectValue(Class<T> type, String sql, Object... params);

    Uni<Void> commit();

    Uni<Void> rollback();
}
