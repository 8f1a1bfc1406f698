package io.quarkiverse.sqlspec.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * Input a client should not send gets a 4xx, never a 500, a stack trace or SQL; nothing it sends is lost or
 * misinterpreted.
 */
@QuarkusTest
class HostileInputTest {

    @Inject
    AgroalDataSource dataSource;

    @TestHTTPResource
    URL url;

    static void noInternals(Response response) {
        assertThat(response.asString()).doesNotContain("Exception").doesNotContain("\tat ")
                .doesNotContain("INSERT").doesNotContain("SELECT").doesNotContain("UPDATE");
    }

    @Test
    void aNulCharacterIsAValueTheDatabaseCannotStore() {
        Response response = given().contentType(ContentType.JSON)
                .body("{\"name\":\"nul\\u0000byte\",\"email\":\"nul@example.com\"}").post("/users");
        response.then().statusCode(422).contentType(ContentType.JSON)
                .body("status", equalTo(422))
                .body("error", equalTo("Unprocessable Entity"))
                .body("sqlState", equalTo("22021"))
                .body("requestId", matchesPattern("[0-9a-f]{32}"));
        noInternals(response);
    }

    @Test
    void missingBodiesAndFieldsAreBadRequests() {
        for (String body : new String[] { "", "null", "{}", "{\"name\":\"only a name\"}" }) {
            Response response = given().contentType(ContentType.JSON).body(body).post("/users");
            response.then().statusCode(400).body("message", equalTo("name and email are required"));
            noInternals(response);
        }
        given().contentType(ContentType.JSON).body("").patch("/posts/1").then().statusCode(400);
        given().contentType(ContentType.JSON).body("null").post("/posts").then().statusCode(400);
    }

    @Test
    void malformedOrForeignBodiesAreRefused() {
        given().contentType(ContentType.JSON).body("{\"name\": ").post("/users").then().statusCode(400);
        given().contentType(ContentType.TEXT).body("name=x").post("/users").then().statusCode(415);
        given().contentType(ContentType.JSON).body("[1,2,3]").post("/users").then().statusCode(400);
        String nested = "[".repeat(5000) + "]".repeat(5000);
        Response deep = given().contentType(ContentType.JSON).body("{\"name\":" + nested + "}").post("/users");
        deep.then().statusCode(400);
        noInternals(deep);
    }

    /** The announced size is enough: the server answers 413 without reading (or buffering) the body. */
    @Test
    void anOversizedBodyIsRefusedBeforeReachingTheApplication() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", url.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("POST /users HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Content-Type: application/json\r\nContent-Length: " + (11 * 1024 * 1024) + "\r\n\r\n{\"name\":\"")
                    .getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            String statusLine = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII)).readLine();
            assertThat(statusLine).startsWith("HTTP/1.1 413");
        }
    }

    @Test
    void injectionStringsAreStoredVerbatim() throws Exception {
        String name = "Robert'); DROP TABLE users; -- $1 :name ?";
        String email = "bobby-" + System.nanoTime() + "@example.com";
        long id = given().contentType(ContentType.JSON)
                .body(Map.of("name", name, "email", email)).post("/users")
                .then().statusCode(200).extract().jsonPath().getLong("id");
        assertThat(Db.queryValue(dataSource, "SELECT name FROM users WHERE id = " + id)).isEqualTo(name);
        assertThat(Db.queryValue(dataSource, "SELECT count(*) FROM pg_tables WHERE tablename = 'users'")).isEqualTo("1");
    }

    @Test
    void malformedCookiesAndHeadersAreIgnoredSafely() {
        for (String cookie : new String[] { "sqlspec_session=%%%", "sqlspec_session=", "sqlspec_session=" + "A".repeat(5000),
                "===; ;;", "sqlspec_session=\"quoted\"; sqlspec_session=twice" }) {
            given().header("Cookie", cookie).get("/profile").then().statusCode(401);
        }
        for (String requestId : new String[] { "x".repeat(1000), "id with spaces", "<script>", "ünïcödé" }) {
            given().header("X-Request-ID", requestId).get("/users").then().statusCode(200)
                    .header("X-Request-ID", matchesPattern("[0-9a-f]{32}"))
                    .header("X-Request-ID", not(equalTo(requestId)));
        }
        given().header("traceparent", "garbage-without-structure").get("/users").then()
                .statusCode(200).header("X-Request-ID", equalTo("garbage-without-structure"));
        given().pathParam("id", "not-a-number").get("/posts/{id}").then().statusCode(404);
    }
}
