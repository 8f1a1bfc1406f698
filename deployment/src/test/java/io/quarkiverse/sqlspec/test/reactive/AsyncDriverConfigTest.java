package io.quarkiverse.sqlspec.test.reactive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.sqlspec.test.Failures;
import io.quarkus.test.QuarkusUnitTest;

/** {@code quarkus.sqlspec.async-driver=reactive} where the reactive client cannot serve fails start-up. */
class AsyncDriverConfigTest {

    @Nested
    class ReactiveOnDuckDb {
        @RegisterExtension
        static final QuarkusUnitTest app = new QuarkusUnitTest()
                .overrideConfigKey("quarkus.datasource.db-kind", "postgresql")
                .overrideConfigKey("quarkus.datasource.analytics.db-kind", "duckdb")
                .overrideConfigKey("quarkus.sqlspec.analytics.async-driver", "reactive")
                .assertException(failure -> assertThat(Failures.messages(failure)).contains(
                        "quarkus.sqlspec.\"analytics\".async-driver is reactive, but the datasource is a DuckDB database"));

        @Test
        void startupFails() {
            fail("startup must fail");
        }
    }
}
