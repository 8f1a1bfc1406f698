package io.quarkiverse.sqlspec.test.named;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import jakarta.inject.Inject;

import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.sqlspec.Sql;
import io.quarkiverse.sqlspec.SqlSpec;
import io.quarkus.test.QuarkusUnitTest;

class NamedSqlTest {

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar
                    .addAsResource(new StringAsset("""
                            -- name: numbers.doubled
                            SELECT :n * 2 AS doubled;

                            -- name: numbers.text
                            SELECT 'it''s -- not a comment' AS text
                            """), "sql/numbers.sql")
                    .addAsResource(new StringAsset("-- name: greeting\nSELECT 'hello ' || $1"), "sql/nested/more.sql"))
            .overrideConfigKey("quarkus.datasource.db-kind", "postgresql");

    @Inject
    SqlSpec sqlspec;

    @Test
    void namedStatementsRunByName() {
        sqlspec.inTransaction(SqlSpec.DEFAULT_DATASOURCE, db -> {
            assertThat(db.selectValue(Integer.class, Sql.named("numbers.doubled"), Map.of("n", 21))).isEqualTo(42);
            assertThat(db.selectValue(String.class, Sql.named("numbers.text"))).isEqualTo("it's -- not a comment");
            assertThat(db.selectValue(String.class, Sql.named("greeting"), "world")).isEqualTo("hello world");
        });
    }

    @Test
    void unknownNameListsTheCloseOnes() {
        assertThatThrownBy(() -> Sql.named("numbers.tripled")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("numbers.doubled").hasMessageContaining("numbers.text");
    }
}
