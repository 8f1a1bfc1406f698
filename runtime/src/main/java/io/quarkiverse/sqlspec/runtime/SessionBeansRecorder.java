package io.quarkiverse.sqlspec.runtime;

import java.sql.Connection;
import java.util.function.Function;

import io.quarkiverse.sqlspec.DbSession;
import io.quarkiverse.sqlspec.HttpSession;
import io.quarkiverse.sqlspec.SqlSpec;
import io.quarkiverse.sqlspec.runtime.session.DbSessionImpl;
import io.quarkiverse.sqlspec.runtime.session.SessionManager;
import io.quarkiverse.sqlspec.runtime.session.SqlSpecImpl;
import io.quarkiverse.sqlspec.runtime.sessions.HttpSessionBean;
import io.quarkus.arc.SyntheticCreationalContext;
import io.quarkus.runtime.annotations.Recorder;

/**
 * Records the creators of the synthetic {@link DbSession}, {@link Connection} and {@link SqlSpec} beans. The beans
 * resolve their datasource on first use, so they can be created (in filters, startup observers) before runtime
 * initialization has finished.
 */
@Recorder
public class SessionBeansRecorder {

    public Function<SyntheticCreationalContext<DbSession>, DbSession> dbSession(String dataSource) {
        return context -> new DbSessionImpl(dataSource);
    }

    public Function<SyntheticCreationalContext<Connection>, Connection> requestConnection(String dataSource) {
        return context -> SessionManager.get().session(dataSource).connection();
    }

    public Function<SyntheticCreationalContext<HttpSession>, HttpSession> httpSession() {
        return context -> new HttpSessionBean();
    }

    public Function<SyntheticCreationalContext<SqlSpec>, SqlSpec> sqlSpec() {
        return context -> new SqlSpecImpl();
    }
}
