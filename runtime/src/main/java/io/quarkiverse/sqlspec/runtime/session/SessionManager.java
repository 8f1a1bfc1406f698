package io.quarkiverse.sqlspec.runtime.session;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import io.quarkiverse.sqlspec.DbSession;
import io.quarkiverse.sqlspec.SqlSpecException;
import io.quarkiverse.sqlspec.runtime.observability.StatementEvents;
import io.quarkiverse.sqlspec.runtime.sql.StatementCache;
import io.quarkus.arc.Arc;

/**
 * The run-time heart of the extension: the datasources SQLSpec serves and the rule that finds the connection a
 * statement runs on.
 * <p>
 * A statement runs on, in this order: the programmatic transaction of its datasource running on this thread; the
 * connection enlisted in the active JTA transaction ({@code @Transactional}); the current HTTP request's connection;
 * the current CDI request context's auto-commit connection. Outside all of these it fails with a message saying what
 * to do.
 */
public final class SessionManager {

    private static volatile SessionManager instance;

    private final Map<String, DataSourceRuntime> dataSources;
    private final StatementCache statementCache;
    private final boolean jtaAvailable;
    private final StatementEvents events;
    private final boolean sqlComment;
    private volatile ContextScope contextScope;
    private final ConcurrentMap<String, DbSession> sessions = new ConcurrentHashMap<>();

    SessionManager(List<String> names, Map<String, CommitPolicy> policies, StatementCache statementCache,
            boolean jtaAvailable, StatementEvents events, boolean sqlComment) {
        this.jtaAvailable = jtaAvailable;
        this.events = events;
        this.sqlComment = sqlComment;
        Map<String, DataSourceRuntime> byName = new LinkedHashMap<>();
        for (String name : names) {
            byName.put(name, new DataSourceRuntime(name, byName.size(), policies.getOrDefault(name,
                    CommitPolicy.defaults())));
        }
        this.dataSources = Collections.unmodifiableMap(byName);
        this.statementCache = statementCache;
    }

    /**
     * @param names the datasources in commit order (the default one first)
     */
    public static SessionManager initialize(List<String> names, Map<String, CommitPolicy> policies,
            int statementCacheSize, boolean jtaAvailable, StatementEvents events, boolean sqlComment) {
        SessionManager manager = new SessionManager(names, policies, new StatementCache(statementCacheSize),
                jtaAvailable, events, sqlComment);
        instance = manager;
        return manager;
    }

    public static SessionManager get() {
        SessionManager manager = instance;
        if (manager == null) {
            throw new IllegalStateException("SQLSpec is not initialized yet (used before the application started?)");
        }
        return manager;
    }

    public StatementCache statementCache() {
        return statementCache;
    }

    public StatementEvents events() {
        return events;
    }

    boolean sqlComment() {
        return sqlComment;
    }

    public Set<String> names() {
        return dataSources.keySet();
    }

    /** The one session object of a datasource, shared by its bean, the registry and every thread. */
    public DbSession session(String name) {
        return sessions.computeIfAbsent(name, n -> new DbSessionImpl(this, dataSource(n)));
    }

    public DataSourceRuntime dataSource(String name) {
        DataSourceRuntime dataSource = dataSources.get(name);
        if (dataSource == null) {
            throw new IllegalArgumentException("No datasource named '" + name + "' is configured; configured: "
                    + dataSources.keySet());
        }
        return dataSource;
    }

    /**
     * The connection a statement on {@code dataSource} runs on now.
     */
    ManagedConnection connection(DataSourceRuntime dataSource) {
        return scope(dataSource).connection(dataSource);
    }

    ConnectionScope scope(DataSourceRuntime dataSource) {
        TransactionScope transaction = TransactionScope.current(dataSource);
        if (transaction != null) {
            return transaction;
        }
        if (jtaAvailable) {
            JtaScope jta = JtaScope.current(dataSources.size());
            if (jta != null) {
                return jta;
            }
        }
        HttpRequestScope request = HttpRequestScope.current(dataSources.size(), true);
        if (request != null) {
            return request;
        }
        if (Arc.container().requestContext().isActive()) {
            return contextScope().scope(dataSources.size());
        }
        throw new SqlSpecException("The session of " + dataSource.describe() + " was used outside an HTTP request,"
                + " a transaction and a CDI request context, so nothing would end its work. Run the code in"
                + " sqlspec.transaction(\"" + dataSource.name() + "\", session -> ...), or annotate the method with"
                + " @ActivateRequestContext (each statement then commits on its own)");
    }

    private ContextScope contextScope() {
        ContextScope proxy = contextScope;
        if (proxy == null) {
            // a client proxy: one per application, it resolves to the current request context's instance
            proxy = Arc.container().instance(ContextScope.class).get();
            contextScope = proxy;
        }
        return proxy;
    }

    TransactionScope beginTransaction(DataSourceRuntime dataSource) {
        return TransactionScope.begin(dataSources.size(), dataSource);
    }
}
