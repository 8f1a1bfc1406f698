package io.quarkiverse.sqlspec.runtime.database;

import io.quarkiverse.sqlspec.exception.DatabaseException;

/**
 * A programmatic transaction ({@code SqlSpec.transaction}) bound to the thread running its work.
 */
final class TransactionScope extends ConnectionScope {

    private static final ThreadLocal<TransactionScope> CURRENT = new ThreadLocal<>();

    private final TransactionScope outer;
    private final DataSourceRuntime dataSource;

    private TransactionScope(int dataSourceCount, DataSourceRuntime dataSource, TransactionScope outer) {
        super(dataSourceCount, ManagedConnection.Mode.LOCAL_TRANSACTION);
        this.dataSource = dataSource;
        this.outer = outer;
    }

    static TransactionScope begin(int dataSourceCount, DataSourceRuntime dataSource) {
        TransactionScope scope = new TransactionScope(dataSourceCount, dataSource, CURRENT.get());
        CURRENT.set(scope);
        return scope;
    }

    /** The innermost transaction of this thread that covers {@code dataSource}, or {@code null}. */
    static TransactionScope current(DataSourceRuntime dataSource) {
        for (TransactionScope scope = CURRENT.get(); scope != null; scope = scope.outer) {
            if (scope.dataSource == dataSource) {
                return scope;
            }
        }
        return null;
    }

    void end() {
        if (outer == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(outer);
        }
    }

    void commitOrThrow() {
        DatabaseException failure = commitAll();
        if (failure != null) {
            throw failure;
        }
    }

    void rollbackAll() {
        release();
    }
}
