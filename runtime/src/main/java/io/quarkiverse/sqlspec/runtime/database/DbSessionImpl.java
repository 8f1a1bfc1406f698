package io.quarkiverse.sqlspec.runtime.database;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.quarkiverse.sqlspec.AsyncDbSession;
import io.quarkiverse.sqlspec.DbSession;
import io.quarkiverse.sqlspec.RowStream;
import io.quarkiverse.sqlspec.SqlResult;
import io.quarkiverse.sqlspec.exception.DatabaseException;
import io.quarkiverse.sqlspec.exception.SqlSpecException;
import io.quarkiverse.sqlspec.runtime.blocking.WorkerCalls;
import io.quarkiverse.sqlspec.runtime.jdbc.ParameterBinder;
import io.quarkiverse.sqlspec.runtime.mapping.JdbcResultRow;
import io.quarkiverse.sqlspec.runtime.observability.SqlComment;
import io.quarkiverse.sqlspec.runtime.reactive.ReactiveErrors;
import io.quarkiverse.sqlspec.runtime.reactive.ReactiveParameters;
import io.quarkiverse.sqlspec.runtime.reactive.ReactiveResultRow;
import io.quarkiverse.sqlspec.runtime.sql.ParsedSql;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;

/**
 * The {@link DbSession} bean of one datasource. It holds no connection itself: every call finds the connection of the
 * current request or transaction ({@link DbSessions#connection}), so one instance serves all threads.
 */
public final class DbSessionImpl implements DbSession {

    private final DbSessions manager;
    private final DataSourceRuntime dataSource;
    private final String dataSourceName;
    private final AsyncDbSession async;

    DbSessionImpl(DbSessions manager, DataSourceRuntime dataSource) {
        this.manager = manager;
        this.dataSource = dataSource;
        this.dataSourceName = dataSource.name();
        this.async = new AsyncDbSessionImpl(this);
    }

    @Override
    public SqlResult execute(String sql, Object... params) {
        return run(current(), sql, params);
    }

    @Override
    public SqlResult select(String sql, Object... params) {
        return run(current(), sql, params);
    }

    @Override
    public long executeMany(String sql, List<?> batches) {
        return runBatch(current(), sql, batches);
    }

    @Override
    public void executeScript(String script) {
        ManagedConnection connection = current();
        long started = System.nanoTime();
        try (Statement statement = connection.createStatement()) {
            statement.execute(script);
            manager.events().record(dataSourceName, script, NO_PARAMS, started, -1, null);
        } catch (SQLException e) {
            throw failed(connection, script, NO_PARAMS, started, manager.errors().translate(e, script));
        }
    }

    @Override
    public Map<String, Object> selectOne(String sql, Object... params) {
        return select(sql, params).one();
    }

    @Override
    public <T> T selectOne(Class<T> type, String sql, Object... params) {
        return select(sql, params).one(type);
    }

    @Override
    public Map<String, Object> selectOneOrNull(String sql, Object... params) {
        return select(sql, params).oneOrNull();
    }

    @Override
    public <T> T selectOneOrNull(Class<T> type, String sql, Object... params) {
        return select(sql, params).oneOrNull(type);
    }

    @Override
    public <T> T selectValue(Class<T> type, String sql, Object... params) {
        return select(sql, params).scalar(type);
    }

    @Override
    public <T> T selectValueOrNull(Class<T> type, String sql, Object... params) {
        return ((SqlResultImpl) select(sql, params)).scalarOrNull(type);
    }

    @Override
    public <T> RowStream<T> stream(Class<T> type, String sql, Object... params) {
        refuseEventLoop();
        ConnectionScope scope = manager.scope(dataSource);
        return openCursor(scope, scope.connection(dataSource, manager.errors()), type, sql, params);
    }

    @Override
    @SuppressWarnings({ "unchecked", "rawtypes" })
    public RowStream<Map<String, Object>> stream(String sql, Object... params) {
        return (RowStream) stream(Map.class, sql, params);
    }

    @Override
    public void commit() {
        current().commit();
    }

    @Override
    public void rollback() {
        current().rollback();
    }

    @Override
    public void savepoint(String name) {
        current().savepoint(name);
    }

    @Override
    public void rollbackTo(String name) {
        current().rollbackTo(name);
    }

    @Override
    public void release(String name) {
        current().release(name);
    }

    @Override
    public Connection connection() {
        return nonClosing(current().connection());
    }

    @Override
    public String datasource() {
        return dataSourceName;
    }

    @Override
    public AsyncDbSession async() {
        return async;
    }

    @Override
    public String toString() {
        return "DbSession[" + dataSourceName + "]";
    }

    DbSessions manager() {
        return manager;
    }

    DataSourceRuntime dataSourceRuntime() {
        return dataSource;
    }

    SqlResult run(ManagedConnection connection, String sql, Object[] params) {
        ParsedSql parsed = parse(sql);
        Object[] values = parsed.bind(params == null ? NO_PARAMS : params);
        long started = System.nanoTime();
        PreparedStatement statement = null;
        try {
            statement = connection.prepare(commented(parsed.jdbcSql()), parsed.readOnly());
            ParameterBinder.bind(statement, values);
            SqlResult result;
            long rows;
            if (statement.execute()) {
                connection.track(statement);
                result = new SqlResultImpl(connection, new JdbcResultRow(statement.getResultSet(), statement), sql);
                rows = -1;
            } else {
                rows = statement.getLargeUpdateCount();
                statement.close();
                result = SqlResultImpl.updateCount(rows, sql);
            }
            manager.events().record(dataSourceName, sql, values, started, rows, null);
            return result;
        } catch (SQLException e) {
            closeQuietly(statement);
            throw failed(connection, sql, values, started, manager.errors().translate(e, sql));
        }
    }

    /** {@link #run} on the reactive client: the same statement cache, events, errors and transaction rules. */
    Future<SqlResult> run(ReactiveConnection connection, String sql, Object[] params) {
        ParsedSql parsed = parse(sql);
        Object[] values = parsed.bind(params == null ? NO_PARAMS : params);
        long started = System.nanoTime();
        Tuple parameters;
        try {
            parameters = ReactiveParameters.tuple(values, parsed.jsonSlots());
        } catch (SQLException e) {
            return Future.failedFuture(failed(connection, sql, values, started, e));
        }
        return connection.execute(commented(parsed.postgresSql()), parameters, parsed.readOnly())
                .transform(done -> {
                    if (done.failed()) {
                        return Future.failedFuture(failed(connection, sql, values, started, done.cause()));
                    }
                    RowSet<Row> rows = done.result();
                    List<?> columns = rows.columnDescriptors();
                    long count = columns == null || columns.isEmpty() ? rows.rowCount() : -1;
                    manager.events().record(dataSourceName, sql, values, started, count, null);
                    return Future.succeededFuture(count < 0 ? new SqlResultImpl(connection, new ReactiveResultRow(rows), sql)
                            : SqlResultImpl.updateCount(count, sql));
                });
    }

    /** {@link #runBatch} on the reactive client. */
    Future<Long> runBatch(ReactiveConnection connection, String sql, List<?> batches) {
        ParsedSql parsed = parse(sql);
        List<Tuple> tuples = new ArrayList<>(batches.size());
        long started = System.nanoTime();
        try {
            for (Object batch : batches) {
                tuples.add(ReactiveParameters.tuple(parsed.bind(asArguments(batch)), parsed.jsonSlots()));
            }
        } catch (SQLException e) {
            return Future.failedFuture(failed(connection, sql, NO_PARAMS, started, e));
        }
        return connection.executeBatch(commented(parsed.postgresSql()), tuples).transform(done -> {
            if (done.failed()) {
                return Future.failedFuture(failed(connection, sql, NO_PARAMS, started, done.cause()));
            }
            long total = 0;
            for (RowSet<Row> rows = done.result(); rows != null; rows = rows.next()) {
                total += rows.rowCount();
            }
            manager.events().record(dataSourceName, sql, NO_PARAMS, started, total, null);
            return Future.succeededFuture(total);
        });
    }

    private <T> RowStream<T> openCursor(ConnectionScope scope, ManagedConnection connection, Class<T> type, String sql,
            Object[] params) {
        ParsedSql parsed = parse(sql);
        Object[] values = parsed.bind(params == null ? NO_PARAMS : params);
        long started = System.nanoTime();
        PreparedStatement statement = null;
        try {
            statement = connection.prepareCursor(commented(parsed.jdbcSql()), manager.streamFetchSize());
            ParameterBinder.bind(statement, values);
            ResultSet rows = statement.executeQuery();
            manager.events().record(dataSourceName, sql, values, started, -1, null);
            return new RowStreamImpl<>(scope, connection, statement, rows, type, sql);
        } catch (SQLException e) {
            if (statement != null) {
                closeQuietly(statement);
                connection.cursorClosed(statement);
            }
            throw failed(connection, sql, values, started, manager.errors().translate(e, sql));
        }
    }

    long runBatch(ManagedConnection connection, String sql, List<?> batches) {
        ParsedSql parsed = parse(sql);
        long started = System.nanoTime();
        try (PreparedStatement statement = connection.prepare(commented(parsed.jdbcSql()), false)) {
            for (Object batch : batches) {
                ParameterBinder.bind(statement, parsed.bind(asArguments(batch)));
                statement.addBatch();
            }
            long total = 0;
            for (long count : statement.executeLargeBatch()) {
                // pgjdbc's reWriteBatchedInserts merges single-row INSERTs and reports no count for them: one row each
                total += count == Statement.SUCCESS_NO_INFO ? 1 : Math.max(count, 0);
            }
            manager.events().record(dataSourceName, sql, NO_PARAMS, started, total, null);
            return total;
        } catch (SQLException e) {
            throw failed(connection, sql, NO_PARAMS, started, manager.errors().translate(e, sql));
        }
    }

    /** The statement from the cache (parsed on first use), refused if this datasource's dialect cannot run it. */
    private ParsedSql parse(String sql) {
        ParsedSql parsed = manager.statementCache().get(sql);
        dataSource.dialect().check(parsed);
        return parsed;
    }

    private RuntimeException failed(ManagedConnection connection, String sql, Object[] values, long started,
            DatabaseException error) {
        connection.statementFailed(error);
        manager.events().record(dataSourceName, sql, values, started, -1, error);
        return error;
    }

    /** A reactive statement's failure, translated as JDBC's are, recorded, and remembered if it aborted the transaction. */
    private Throwable failed(ReactiveConnection connection, String sql, Object[] values, long started, Throwable failure) {
        DatabaseException error;
        if (failure instanceof DatabaseException database) {
            error = database; // the connection could not be had: translated already
        } else if (failure instanceof SqlSpecException) {
            return failure; // the session ended
        } else {
            error = manager.errors().translate(ReactiveErrors.toSqlException(failure), sql);
        }
        connection.statementFailed(error);
        manager.events().record(dataSourceName, sql, values, started, -1, error);
        return error;
    }

    private String commented(String text) {
        return manager.sqlComment() ? SqlComment.append(text) : text;
    }

    /**
     * The connection for a blocking call: never on the event loop, where a JDBC round trip would stall every request
     * sharing that thread.
     */
    ManagedConnection current() {
        refuseEventLoop();
        return manager.connection(dataSource);
    }

    private void refuseEventLoop() {
        WorkerCalls.refuseEventLoop("DbSession (" + dataSourceName + ")", "Annotate the resource method with"
                + " @io.smallrye.common.annotation.Blocking (or return a plain type instead of Uni), or use db.async()"
                + " in methods that return Uni");
    }

    private static final Object[] NO_PARAMS = new Object[0];

    private static Object[] asArguments(Object batch) {
        if (batch instanceof Object[] array) {
            return array;
        }
        return new Object[] { batch };
    }

    private static Connection nonClosing(Connection connection) {
        return (Connection) Proxy.newProxyInstance(DbSessionImpl.class.getClassLoader(),
                new Class<?>[] { Connection.class }, new NonClosingConnection(connection));
    }

    private static void closeQuietly(Statement statement) {
        if (statement != null) {
            try {
                statement.close();
            } catch (SQLException ignored) {
                // the statement failed already; its own error is the one that matters
            }
        }
    }
}
