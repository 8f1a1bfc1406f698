package io.quarkiverse.sqlspec.runtime.database;

import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.transaction.TransactionSynchronizationRegistry;

import io.quarkiverse.sqlspec.DbSession;
import io.quarkiverse.sqlspec.exception.SqlSpecException;
import io.quarkiverse.sqlspec.runtime.blocking.WorkerCalls;
import io.quarkiverse.sqlspec.runtime.jdbc.SqlExceptions;
import io.quarkiverse.sqlspec.runtime.observability.StatementEvents;
import io.quarkiverse.sqlspec.runtime.sql.StatementCache;
import io.quarkus.arc.Arc;
import io.quarkus.datasource.common.runtime.DataSourceUtil;
import io.vertx.core.Context;
import io.vertx.sqlclient.Pool;

/**
 * The run-time heart of the extension, one bean per application: the datasources SQLSpec serves, their one
 * {@link DbSession} object each, and the rule that finds the connection a statement runs on.
 * <p>
 * A statement runs on, in this order: the programmatic transaction of its datasource running on this thread; the
 * connection enlisted in the active JTA transaction ({@code @Transactional}); the current HTTP request's connection;
 * the current CDI request context's auto-commit connection. Outside all of these it fails with a message saying what
 * to do.
 */
public final class DbSessions {

    private final Map<String, DataSourceRuntime> dataSources;
    private final Map<String, DbSessionImpl> sessions;
    private final StatementCache statementCache;
    private final StatementEvents events;
    private final SqlExceptions errors;
    private final boolean sqlComment;
    private final int streamFetchSize;
    private final TransactionSynchronizationRegistry jta;
    private final ContextScope contextScope;

    /**
     * @param dataSources the datasources in commit order (the default one first)
     * @param jta the JTA registry itself (not a client proxy: it is asked before every statement), or {@code null}
     *        when the application has no JTA
     * @param contextScope the client proxy of the request-scoped {@link ContextScope}
     */
    public DbSessions(List<DataSourceRuntime> dataSources, StatementCache statementCache, StatementEvents events,
            SqlExceptions errors, boolean sqlComment, int streamFetchSize, TransactionSynchronizationRegistry jta,
            ContextScope contextScope) {
        Map<String, DataSourceRuntime> byName = new LinkedHashMap<>();
        Map<String, DbSessionImpl> sessionsByName = new LinkedHashMap<>();
        // the default datasource first, then by name: the order of every listing (commands, Dev UI)
        for (DataSourceRuntime dataSource : dataSources.stream().sorted(Comparator
                .comparing((DataSourceRuntime d) -> !DataSourceUtil.isDefault(d.name())).thenComparing(DataSourceRuntime::name))
                .toList()) {
            byName.put(dataSource.name(), dataSource);
            sessionsByName.put(dataSource.name(), new DbSessionImpl(this, dataSource));
        }
        this.dataSources = Collections.unmodifiableMap(byName);
        this.sessions = Collections.unmodifiableMap(sessionsByName);
        this.statementCache = statementCache;
        this.events = events;
        this.errors = errors;
        this.sqlComment = sqlComment;
        this.streamFetchSize = streamFetchSize;
        this.jta = jta;
        this.contextScope = contextScope;
    }

    public StatementCache statementCache() {
        return statementCache;
    }

    public StatementEvents events() {
        return events;
    }

    public SqlExceptions errors() {
        return errors;
    }

    boolean sqlComment() {
        return sqlComment;
    }

    int streamFetchSize() {
        return streamFetchSize;
    }

    public Set<String> names() {
        return dataSources.keySet();
    }

    /**
     * The one session object of a datasource, shared by its bean, the registry and every thread.
     *
     * @throws IllegalArgumentException if no datasource has that name (the message lists the configured ones)
     */
    public DbSessionImpl session(String name) {
        DbSessionImpl session = sessions.get(name);
        if (session == null) {
            throw unknown(name);
        }
        return session;
    }

    public DataSourceRuntime dataSource(String name) {
        DataSourceRuntime dataSource = dataSources.get(name);
        if (dataSource == null) {
            throw unknown(name);
        }
        return dataSource;
    }

    private IllegalArgumentException unknown(String name) {
        return new IllegalArgumentException("No datasource named '" + name + "' is configured; configured: "
                + dataSources.keySet());
    }

    /**
     * The connection a statement on {@code dataSource} runs on now.
     */
    ManagedConnection connection(DataSourceRuntime dataSource) {
        return scope(dataSource).connection(dataSource, errors);
    }

    /**
     * The reactive connection a db.async() call on {@code dataSource} runs on, or {@code null} when it runs on JDBC:
     * the datasource has no reactive pool, the caller is not on the event loop (a worker thread runs JDBC inline), no
     * HTTP request is current, a JTA transaction is active, or the request already holds a JDBC connection to it.
     */
    ReactiveConnection reactiveConnection(DataSourceRuntime dataSource) {
        if (!Context.isOnEventLoopThread()) {
            return null;
        }
        Pool pool = dataSource.reactivePool();
        if (pool == null || jta != null && JtaScope.current(jta, dataSources.size()) != null) {
            return null;
        }
        HttpRequestScope request = HttpRequestScope.current(dataSources.size());
        return request == null ? null : request.reactiveConnection(dataSource, pool, errors);
    }

    ConnectionScope scope(DataSourceRuntime dataSource) {
        TransactionScope transaction = TransactionScope.current(dataSource);
        if (transaction != null) {
            return transaction;
        }
        if (jta != null) {
            JtaScope scope = JtaScope.current(jta, dataSources.size());
            if (scope != null) {
                return scope;
            }
        }
        HttpRequestScope request = HttpRequestScope.current(dataSources.size());
        if (request != null) {
            return request;
        }
        if (Arc.container().requestContext().isActive()) {
            return contextScope.scope(dataSources.size());
        }
        throw new SqlSpecException("The session of " + dataSource.describe() + " was used outside an HTTP request,"
                + " a transaction and a CDI request context, so nothing would end its work. Run the code in"
                + " sqlspec.transaction(\"" + dataSource.name() + "\", session -> ...), or annotate the method with"
                + " @ActivateRequestContext (each statement then commits on its own)");
    }

    /**
     * Runs {@code work} in a transaction of its own on a connection of its own: committed when {@code work} returns,
     * rolled back when it throws (see {@code SqlSpec.transaction}).
     */
    public <T> T transaction(String name, Function<DbSession, T> work) {
        WorkerCalls.refuseEventLoop("SqlSpec.transaction(...)", "Call it from a worker thread (@Blocking) or wrap it"
                + " in Uni.createFrom().item(...).runSubscriptionOn(Infrastructure.getDefaultWorkerPool())");
        DbSessionImpl session = session(name);
        TransactionScope scope = TransactionScope.begin(dataSources.size(), session.dataSourceRuntime());
        try {
            T result = work.apply(session);
            scope.commitOrThrow();
            return result;
        } catch (RuntimeException | Error e) {
            scope.rollbackAll();
            throw e;
        } finally {
            scope.release();
            scope.end();
        }
    }

    /** Whether a Quarkus REST request is being processed on this thread (its statements join its transaction). */
    public boolean inHttpRequest() {
        return HttpRequestScope.requestIsCurrent();
    }

    /** What the commit policy of a datasource does for a final HTTP status. */
    public CommitPolicy.Decision decide(String name, int status) {
        return dataSource(name).policy().decide(status);
    }

    /**
     * Runs {@code work} in a transaction of its own on the current HTTP request's connection to a datasource, after
     * rolling back (with the manual-mode warning) any work the application left uncommitted on it: for writes that
     * must be saved whatever the application does with its own transaction.
     */
    public <T> T inSeparateRequestTransaction(String name, Supplier<T> work) {
        DataSourceRuntime dataSource = dataSource(name);
        HttpRequestScope request = HttpRequestScope.current(dataSources.size());
        if (request == null) {
            throw new IllegalStateException("No HTTP request is being processed on this thread");
        }
        return request.inSeparateTransaction(dataSource, errors, work);
    }
}
