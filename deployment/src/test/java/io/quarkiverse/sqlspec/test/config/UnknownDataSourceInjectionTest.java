package io.quarkiverse.sqlspec.test.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.sqlspec.DbSession;
import io.quarkiverse.sqlspec.test.Failures;
import io.quarkus.agroal.DataSource;
import io.quarkus.test.QuarkusUnitTest;

class UnknownDataSourceInjectionTest {

    @ApplicationScoped
    public static class Reports {
        @Inject
        @DataSource("warehouse")
        DbSession warehouse;
    }

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClass(Reports.class))
            .overrideConfigKey("quarkus.datasource.db-kind", "postgresql")
            .overrideConfigKey("quarkus.datasource.analytics.db-kind", "postgresql")
            .assertException(failure -> assertThat(Failures.messages(failure))
                    .contains("UnknownDataSourceInjectionTest$Reports#warehouse")
                    .contains("datasource 'warehouse', which is not configured")
                    .contains("[<default>, analytics]")
                    .contains("quarkus.datasource.\"warehouse\".db-kind"));

    @Test
    void buildFails() {
        fail("the build must fail");
    }
}
