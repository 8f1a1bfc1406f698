package io.quarkiverse.sqlspec.test.named;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

class UnterminatedNamedSqlTest {

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar
                    .addAsResource(new StringAsset("-- name: ok\nSELECT 1;\n\n-- name: broken\nSELECT 'oops"),
                            "sql/bad.sql"))
            .overrideConfigKey("quarkus.datasource.db-kind", "postgresql")
            .assertException(failure -> assertThat(failure)
                    .hasMessageContaining("sql/bad.sql:4: statement 'broken' has an unterminated string literal"));

    @Test
    void buildFails() {
        fail("the build must fail");
    }
}
