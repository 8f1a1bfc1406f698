package io.quarkiverse.sqlspec.test.observability;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/**
 * With the SQL comment on, PostgreSQL sees the request id and the route template with the statement.
 */
class SqlCommentTest {

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(ObservedResource.class, ObservedResource.Collector.class))
            .overrideConfigKey("quarkus.datasource.db-kind", "postgresql")
            .overrideConfigKey("quarkus.sqlspec.sql-comment", "true");

    @Test
    void postgresSeesTheComment() {
        String query = given().header("X-Request-ID", "req-42").get("/observed/activity/7").then().statusCode(200)
                .extract().asString();
        assertThat(query).endsWith("/*request_id='req-42',route='%2Fobserved%2Factivity%2F%7Bid%7D'*/")
                .doesNotContain("/observed/activity/7");
    }

    @Test
    void theReactiveClientSendsTheCommentToo() {
        String query = given().header("X-Request-ID", "req-43").get("/observed/activity-async/7").then()
                .statusCode(200).extract().asString();
        assertThat(query).endsWith("/*request_id='req-43',route='%2Fobserved%2Factivity-async%2F%7Bid%7D'*/")
                .contains("$1 > 0");
    }
}
