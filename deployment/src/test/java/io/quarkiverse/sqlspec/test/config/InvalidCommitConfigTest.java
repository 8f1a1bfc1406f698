package io.quarkiverse.sqlspec.test.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.sqlspec.test.Failures;
import io.quarkus.test.QuarkusUnitTest;

/**
 * Commit settings that cannot work fail startup with the property to change.
 */
class InvalidCommitConfigTest {

    static QuarkusUnitTest failingWith(String key, String value, String... expected) {
        return new QuarkusUnitTest()
                .overrideConfigKey("quarkus.datasource.db-kind", "postgresql")
                .overrideConfigKey(key, value)
                .overrideConfigKey("quarkus.sqlspec.extra-commit-statuses", "418")
                .assertException(failure -> assertThat(Failures.messages(failure))
                        .contains(expected));
    }

    @Nested
    class OverlappingStatuses {
        @RegisterExtension
        static final QuarkusUnitTest app = failingWith("quarkus.sqlspec.extra-rollback-statuses", "418,409",
                "quarkus.sqlspec.extra-commit-statuses and quarkus.sqlspec.extra-rollback-statuses both contain [418]");

        @Test
        void startupFails() {
            fail("startup must fail");
        }
    }

    @Nested
    class StatusOutOfRange {
        @RegisterExtension
        static final QuarkusUnitTest app = failingWith("quarkus.sqlspec.extra-rollback-statuses", "700",
                "quarkus.sqlspec.extra-rollback-statuses contains [700], which is not an HTTP status");

        @Test
        void startupFails() {
            fail("startup must fail");
        }
    }

    @Nested
    class UnknownMode {
        @RegisterExtension
        static final QuarkusUnitTest app = failingWith("quarkus.sqlspec.commit-mode", "sometimes",
                "quarkus.sqlspec.commit-mode", "sometimes");

        @Test
        void startupFails() {
            fail("startup must fail");
        }
    }

    @Nested
    class UnknownDataSourceName {
        @RegisterExtension
        static final QuarkusUnitTest app = failingWith("quarkus.sqlspec.reporting.commit-mode", "manual",
                "quarkus.sqlspec.\"reporting\".* configures datasource 'reporting', which does not exist");

        @Test
        void startupFails() {
            fail("startup must fail");
        }
    }
}
