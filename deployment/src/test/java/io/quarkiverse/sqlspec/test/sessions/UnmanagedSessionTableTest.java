package io.quarkiverse.sqlspec.test.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.agroal.api.AgroalDataSource;
import io.quarkiverse.sqlspec.test.DbChecks;
import io.quarkus.test.QuarkusUnitTest;

/**
 * With manage-schema=false the application's own migrations own the table: SQLSpec creates nothing.
 */
class UnmanagedSessionTableTest {

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClass(DbChecks.class))
            .overrideConfigKey("quarkus.datasource.db-kind", "postgresql")
            .overrideConfigKey("quarkus.sqlspec.http-session.enabled", "true")
            .overrideConfigKey("quarkus.sqlspec.http-session.table", "web_sessions")
            .overrideConfigKey("quarkus.sqlspec.http-session.manage-schema", "false");

    @Inject
    AgroalDataSource dataSource;

    @Test
    void noTableIsCreated() throws Exception {
        assertThat(DbChecks.count(dataSource, "SELECT count(*) FROM pg_tables WHERE tablename = 'web_sessions'"))
                .isZero();
    }
}
