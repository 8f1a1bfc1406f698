package io.quarkiverse.sqlspec.runtime.database;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.quarkiverse.sqlspec.AsyncDbSession;
import io.quarkiverse.sqlspec.SqlResult;
import io.quarkiverse.sqlspec.runtime.blocking.WorkerCalls;
import io.smallrye.mutiny.Uni;

/**
 * Runs the blocking session on a worker thread. The connection scope is found on the calling thread (where the
 * request is current) and handed to the worker, so the request's single connection and commit decision still apply.
 */
final class AsyncDbSessionImpl implements AsyncDbSession {

    private final DbSessionImpl session;

    AsyncDbSessionImpl(DbSessionImpl session) {
        this.session = session;
    }

    @Override
    public Uni<SqlResult> execute(String sql, Object... params) {
        return onWorker(connection -> session.run(connection, sql, params));
    }

    @Override
    public Uni<Long> executeMany(String sql, List<?> batches) {
        return onWorker(connection -> session.runBatch(connection, sql, batches));
    }

    @Override
    public Uni<List<Map<String, Object>>> select(String sql, Object... params) {
        return onWorker(connection -> session.run(connection, sql, params).all());
    }

    @Override
    public <T> Uni<List<T>> select(Class<T> type, String sql, Object... params) {
        return onWorker(connection -> session.run(connection, sql, params).all(type));
    }

    @Override
    public Uni<Map<String, Object>> selectOne(String sql, Object... params) {
        return onWorker(connection -> session.run(connection, sql, params).one());
    }

    @Override
    public <T> Uni<T> selectOne(Class<T> type, String sql, Object... params) {
        return onWorker(connection -> session.run(connection, sql, params).one(type));
    }

    @Override
    public <T> Uni<T> selectOneOrNull(Class<T> type, String sql, Object... params) {
        return onWorker(connection -> session.run(connection, sql, params).oneOrNull(type));
    }

    @Override
    public <T> Uni<T> selectValue(Class<T> type, String sql, Object... params) {
        return onWorker(connection -> session.run(connection, sql, params).scalar(type));
    }

    @Override
    public Uni<Void> commit() {
        return onWorker(connection -> {
            connection.commit();
            return null;
        });
    }

    @Override
    public Uni<Void> rollback() {
        return onWorker(connection -> {
            connection.rollback();
            return null;
        });
    }

    private <T> Uni<T> onWorker(Function<ManagedConnection, T> work) {
        return Uni.createFrom().deferred(() -> {
            ConnectionScope scope = session.manager().scope(session.dataSourceRuntime());
            return WorkerCalls.call(
                    () -> work.apply(scope.connection(session.dataSourceRuntime(), session.manager().errors())));
        });
    }
}
