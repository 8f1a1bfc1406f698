package io.quarkiverse.sqlspec.test.named;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

class DuplicateNamedSqlTest {

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar
                    .addAsResource(new StringAsset("-- name: users.all\nSELECT * FROM users"), "sql/a.sql")
                    .addAsResource(new StringAsset("-- name: users.all\nSELECT 1"), "sql/b.sql"))
            .overrideConfigKey("quarkus.datasource.db-kind", "postgresql")
            .assertException(failure -> assertThat(failure).hasMessageContaining("'users.all' is defined twice")
                    .hasMessageContaining("sql/a.sql:1").hasMessageContaining("sql/b.sql:1"));

    @Test
    void buildFails() {
        fail("the build must fail");
    }
}
