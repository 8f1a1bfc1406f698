package io.quarkiverse.sqlspec.test.sessions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

class InvalidSessionTableTest {

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .overrideConfigKey("quarkus.datasource.db-kind", "postgresql")
            .overrideConfigKey("quarkus.sqlspec.http-session.enabled", "true")
            .overrideConfigKey("quarkus.sqlspec.http-session.table", "sessions;drop")
            .assertException(failure -> {
                StringBuilder messages = new StringBuilder();
                for (Throwable t = failure; t != null; t = t.getCause()) {
                    messages.append(t.getMessage()).append('\n');
                }
                assertThat(messages.toString()).contains("quarkus.sqlspec.http-session.table is 'sessions;drop'")
                        .contains("lower-case identifier");
            });

    @Test
    void startupFails() {
        fail("startup must fail");
    }
}
