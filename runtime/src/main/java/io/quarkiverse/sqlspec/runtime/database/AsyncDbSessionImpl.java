package io.quarkiverse.sqlspec.runtime.database;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.quarkiverse.sqlspec.AsyncDbSession;
import io.quarkiverse.sqlspec.SqlResult;
import io.quarkiverse.sqlspec.runtime.blocking.WorkerCalls;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.operators.AbstractUni;
import io.smallrye.mutiny.subscription.UniSubscriber;
import io.smallrye.mutiny.subscription.UniSubscription;
import io.vertx.core.Future;

/**
 * Runs the session without blocking the event loop: on the reactive PostgreSQL client when the datasource has one
 * and the call is made on the event loop (no thread waits), else JDBC on a worker thread. Either way the request's
 * single connection and commit decision apply: the connection scope is found on the calling thread, where the request
 * is current.
 */
final class AsyncDbSessionImpl implements AsyncDbSession {

    private final DbSessionImpl session;

    AsyncDbSessionImpl(DbSessionImpl session) {
        this.session = session;
    }

    @Override
    public Uni<SqlResult> execute(String sql, Object... params) {
        return call(connection -> session.run(connection, sql, params),
                connection -> session.run(connection, sql, params));
    }

    @Override
    public Uni<Long> executeMany(String sql, List<?> batches) {
        return call(connection -> session.runBatch(connection, sql, batches),
                connection -> session.runBatch(connection, sql, batches));
    }

    @Override
    public Uni<List<Map<String, Object>>> select(String sql, Object... params) {
        return query(sql, params, SqlResult::all);
    }

    @Override
    public <T> Uni<List<T>> select(Class<T> type, String sql, Object... params) {
        return query(sql, params, result -> result.all(type));
    }

    @Override
    public Uni<Map<String, Object>> selectOne(String sql, Object... params) {
        return query(sql, params, SqlResult::one);
    }

    @Override
    public <T> Uni<T> selectOne(Class<T> type, String sql, Object... params) {
        return query(sql, params, result -> result.one(type));
    }

    @Override
    public <T> Uni<T> selectOneOrNull(Class<T> type, String sql, Object... params) {
        return query(sql, params, result -> result.oneOrNull(type));
    }

    @Override
    public <T> Uni<T> selectValue(Class<T> type, String sql, Object... params) {
        return query(sql, params, result -> result.scalar(type));
    }

    @Override
    public Uni<Void> commit() {
        return call(connection -> {
            connection.commit();
            return null;
        }, ReactiveConnection::commit);
    }

    @Override
    public Uni<Void> rollback() {
        return call(connection -> {
            connection.rollback();
            return null;
        }, ReactiveConnection::rollback);
    }

    /** A statement whose rows {@code read} turns into the answer (rows are in memory: reading them does no I/O). */
    private <T> Uni<T> query(String sql, Object[] params, Function<SqlResult, T> read) {
        return call(connection -> read.apply(session.run(connection, sql, params)),
                connection -> session.run(connection, sql, params).map(read));
    }

    private <T> Uni<T> call(Function<ManagedConnection, T> jdbc, Function<ReactiveConnection, Future<T>> reactive) {
        return new StatementUni<>(jdbc, reactive);
    }

    /**
     * Decides at subscription, on the subscriber's thread (where the request is current), which driver runs the call.
     * A Uni of its own rather than {@code deferred(() -> emitter(...))}: those wrap their lambdas for context
     * propagation, which costs more per statement than the rest of SQLSpec's reactive path, and there is no context
     * to carry: the reactive client completes on the request's own event-loop context.
     */
    private final class StatementUni<T> extends AbstractUni<T> {

        private final Function<ManagedConnection, T> jdbc;
        private final Function<ReactiveConnection, Future<T>> reactive;

        StatementUni(Function<ManagedConnection, T> jdbc, Function<ReactiveConnection, Future<T>> reactive) {
            this.jdbc = jdbc;
            this.reactive = reactive;
        }

        @Override
        public void subscribe(UniSubscriber<? super T> subscriber) {
            Future<T> result;
            try {
                ReactiveConnection connection = session.manager().reactiveConnection(session.dataSourceRuntime());
                if (connection == null) {
                    ConnectionScope scope = session.manager().scope(session.dataSourceRuntime());
                    WorkerCalls.call(() -> jdbc.apply(scope.connection(session.dataSourceRuntime(),
                            session.manager().errors()))).subscribe().withSubscriber(subscriber);
                    return;
                }
                result = reactive.apply(connection);
            } catch (RuntimeException e) {
                Uni.createFrom().<T> failure(e).subscribe().withSubscriber(subscriber);
                return;
            }
            Subscription subscription = new Subscription();
            subscriber.onSubscribe(subscription);
            result.onComplete(done -> {
                if (subscription.cancelled) {
                    return; // the statement ran: its effect belongs to the request's transaction all the same
                }
                if (done.succeeded()) {
                    subscriber.onItem(done.result());
                } else {
                    subscriber.onFailure(done.cause());
                }
            });
        }
    }

    private static final class Subscription implements UniSubscription {
        volatile boolean cancelled;

        @Override
        public void cancel() {
            cancelled = true;
        }
    }
}
