package io.quarkiverse.sqlspec.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * The demo's endpoints through real HTTP; outcomes checked in the database through the pool, not only the status.
 */
@QuarkusTest
class DemoApiTest {

    @Inject
    AgroalDataSource primary;

    @Inject
    @DataSource("analytics")
    AgroalDataSource analytics;

    @Test
    void createdUserIsCommittedAndListed() throws Exception {
        String email = "ada-" + UUID.randomUUID() + "@example.com";
        long id = given().contentType(ContentType.JSON).body("{\"name\":\"Ada\",\"email\":\"" + email + "\"}")
                .post("/users").then().statusCode(200).body("id", notNullValue()).extract().jsonPath().getLong("id");

        assertThat(Db.queryValue(primary, "SELECT email FROM users WHERE id = " + id)).isEqualTo(email);
        given().get("/users").then().statusCode(200).body("find { it.id == " + id + " }.email", equalTo(email));
    }

    @Test
    void exportStreamsEveryUser() throws Exception {
        String email = "export-" + UUID.randomUUID() + "@example.com";
        given().contentType(ContentType.JSON).body("{\"name\":\"Eve\",\"email\":\"" + email + "\"}").post("/users")
                .then().statusCode(200);
        long users = Long.parseLong(Db.queryValue(primary, "SELECT count(*) FROM users"));
        given().get("/users/export").then().statusCode(200).contentType(ContentType.JSON)
                .body("size()", equalTo((int) users)).body("find { it.email == '" + email + "' }.name", equalTo("Eve"));
    }

    @Test
    void duplicateEmailIsAConflictAndNothingIsSaved() throws Exception {
        String email = "dup-" + UUID.randomUUID() + "@example.com";
        String body = "{\"name\":\"Bob\",\"email\":\"" + email + "\"}";
        given().contentType(ContentType.JSON).body(body).post("/users").then().statusCode(200);
        given().contentType(ContentType.JSON).body(body).post("/users").then().statusCode(409)
                .body("error", equalTo("Conflict"));
        assertThat(Db.queryValue(primary, "SELECT count(*) FROM users WHERE email = '" + email + "'")).isEqualTo("1");
    }

    @Test
    void postLifecycle() throws Exception {
        long id = given().contentType(ContentType.JSON).body("{\"title\":\"Hello\",\"content\":\"First post\"}")
                .post("/posts").then().statusCode(201).body("title", equalTo("Hello")).extract().jsonPath()
                .getLong("id");

        given().get("/posts/" + id).then().statusCode(200).body("content", equalTo("First post"))
                .body("createdAt", notNullValue());
        given().contentType(ContentType.JSON).body("{\"title\":\"Hello again\"}").patch("/posts/" + id).then()
                .statusCode(200).body("title", equalTo("Hello again")).body("content", equalTo("First post"));
        assertThat(Db.queryValue(primary, "SELECT title FROM posts WHERE id = " + id)).isEqualTo("Hello again");

        given().delete("/posts/" + id).then().statusCode(200).body("status", equalTo("deleted"));
        assertThat(Db.queryValue(primary, "SELECT count(*) FROM posts WHERE id = " + id)).isEqualTo("0");
        given().get("/posts/" + id).then().statusCode(404);
        given().delete("/posts/" + id).then().statusCode(404);
    }

    @Test
    void sqlInjectionTextIsStoredVerbatim() throws Exception {
        String title = "'); DROP TABLE posts; --";
        long id = given().contentType(ContentType.JSON)
                .body("{\"title\":\"" + title + "\",\"content\":\"$1 :content ? \\\\\"}").post("/posts").then()
                .statusCode(201).extract().jsonPath().getLong("id");
        assertThat(Db.queryValue(primary, "SELECT title FROM posts WHERE id = " + id)).isEqualTo(title);
        assertThat(Db.queryValue(primary, "SELECT content FROM posts WHERE id = " + id)).isEqualTo("$1 :content ? \\");
    }

    @Test
    void combinedReportCountsBothDatabases() throws Exception {
        assertThat(Long.parseLong(Db.queryValue(analytics, "SELECT count(*) FROM events WHERE name = 'signup'")))
                .as("the sample week the analytics migration seeds in DuckDB").isEqualTo(14);
        Db.execute(analytics, "INSERT INTO events (name) VALUES ('page_view'), ('page_view')");
        long users = Long.parseLong(Db.queryValue(primary, "SELECT count(*) FROM users"));
        long events = Long.parseLong(Db.queryValue(analytics, "SELECT count(*) FROM events"));
        given().get("/combined-report").then().statusCode(200)
                .body("users", equalTo((int) users)).body("events", equalTo((int) events));
    }
}
