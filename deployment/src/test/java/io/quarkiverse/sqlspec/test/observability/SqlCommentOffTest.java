package io.quarkiverse.sqlspec.test.observability;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/**
 * Off by default: the statement reaches PostgreSQL as written.
 */
class SqlCommentOffTest {

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(ObservedResource.class, ObservedResource.Collector.class))
            .overrideConfigKey("quarkus.datasource.db-kind", "postgresql");

    @Test
    void postgresSeesTheStatementAsWritten() {
        String query = given().header("X-Request-ID", "req-43").get("/observed/activity/7").then().statusCode(200)
                .extract().asString();
        assertThat(query).isEqualTo("SELECT query FROM pg_stat_activity WHERE pid = pg_backend_pid() AND $1 > 0")
                .doesNotContain("/*");
    }
}
