package io.quarkiverse.sqlspec.it;

import static io.restassured.RestAssured.when;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The demo application has no datasource URL anywhere: the database comes from SQLSpec's Dev Services.
 */
@QuarkusTest
class StatusResourceTest {

    @Test
    void databaseIsThereWithTheDemoSchema() {
        when().get("/status")
                .then()
                .statusCode(200)
                .body("database", startsWith("PostgreSQL "))
                .body("tables", hasItems("users", "posts"));
    }
}
