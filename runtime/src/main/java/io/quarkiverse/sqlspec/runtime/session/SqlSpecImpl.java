package io.quarkiverse.sqlspec.runtime.session;

import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

import io.quarkiverse.sqlspec.CommitMode;
import io.quarkiverse.sqlspec.DbSession;
import io.quarkiverse.sqlspec.SqlSpec;
import io.quarkiverse.sqlspec.SqlSpecException;
import io.quarkiverse.sqlspec.runtime.sessions.HttpSessions;
import io.vertx.core.Context;

/**
 * The {@link SqlSpec} bean.
 */
public final class SqlSpecImpl implements SqlSpec {

    /** Resolved per call: the bean may be created before runtime initialization set the manager up. */
    private SessionManager manager() {
        return SessionManager.get();
    }

    @Override
    public DbSession session() {
        return session(DEFAULT_DATASOURCE);
    }

    @Override
    public DbSession session(String datasource) {
        return manager().session(datasource);
    }

    @Override
    public <T> T transaction(String datasource, Function<DbSession, T> work) {
        if (Context.isOnEventLoopThread()) {
            throw new SqlSpecException("SqlSpec.transaction(...) blocks and was called on a Vert.x event loop thread;"
                    + " call it from a worker thread (@Blocking) or wrap it in Uni.createFrom().item(...)"
                    + ".runSubscriptionOn(Infrastructure.getDefaultWorkerPool())");
        }
        DbSession session = session(datasource);
        TransactionScope scope = manager().beginTransaction(manager().dataSource(datasource));
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

    @Override
    public <T> T transaction(Function<DbSession, T> work) {
        return transaction(DEFAULT_DATASOURCE, work);
    }

    @Override
    public void inTransaction(String datasource, Consumer<DbSession> work) {
        transaction(datasource, session -> {
            work.accept(session);
            return null;
        });
    }

    @Override
    public Set<String> datasources() {
        return manager().names();
    }

    @Override
    public long deleteExpiredSessions() {
        return HttpSessions.purger().purgeOnce();
    }

    @Override
    public CommitMode commitMode(String datasource) {
        return manager().dataSource(datasource).policy().mode();
    }
}
