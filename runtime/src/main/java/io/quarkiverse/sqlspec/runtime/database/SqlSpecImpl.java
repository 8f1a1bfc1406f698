package io.quarkiverse.sqlspec.runtime.database;

import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

import io.quarkiverse.sqlspec.CommitMode;
import io.quarkiverse.sqlspec.DbSession;
import io.quarkiverse.sqlspec.SqlSpec;

/**
 * The {@link SqlSpec} bean.
 */
public final class SqlSpecImpl implements SqlSpec {

    private final DbSessions sessions;

    public SqlSpecImpl(DbSessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public DbSession session() {
        return session(DEFAULT_DATASOURCE);
    }

    @Override
    public DbSession session(String datasource) {
        return sessions.session(datasource);
    }

    @Override
    public <T> T transaction(String datasource, Function<DbSession, T> work) {
        return sessions.transaction(datasource, work);
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
        return sessions.names();
    }

    @Override
    public CommitMode commitMode(String datasource) {
        return sessions.dataSource(datasource).policy().mode();
    }
}
