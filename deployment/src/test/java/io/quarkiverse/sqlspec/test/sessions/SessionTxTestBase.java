package io.quarkiverse.sqlspec.test.sessions;

import jakarta.inject.Inject;

import io.agroal.api.AgroalDataSource;
import io.quarkiverse.sqlspec.test.DbChecks;
import io.quarkus.test.QuarkusUnitTest;

/**
 * An application with {@link SessionTxResource}, HTTP sessions and a pool of a single connection (a request that took
 * a second connection for its session would wait for it in vain), and checks of what it saved.
 */
abstract class SessionTxTestBase {

    static QuarkusUnitTest application() {
        return new QuarkusUnitTest()
                .withApplicationRoot(jar -> jar.addClasses(SessionTxResource.class, SessionTxTestBase.class,
                        DbChecks.class))
                .overrideConfigKey("quarkus.datasource.db-kind", "postgresql")
                .overrideConfigKey("quarkus.datasource.jdbc.max-size", "1")
                .overrideConfigKey("quarkus.datasource.jdbc.acquisition-timeout", "2S")
                .overrideConfigKey("quarkus.sqlspec.http-session.enabled", "true");
    }

    @Inject
    AgroalDataSource dataSource;

    long marks(String marker) throws Exception {
        return DbChecks.count(dataSource, "SELECT count(*) FROM tx_marks WHERE marker = '" + marker + "'");
    }

    long sessionsWith(String marker) throws Exception {
        return DbChecks.count(dataSource, "SELECT count(*) FROM sqlspec_sessions WHERE data->>'marker' = '" + marker + "'");
    }
}
