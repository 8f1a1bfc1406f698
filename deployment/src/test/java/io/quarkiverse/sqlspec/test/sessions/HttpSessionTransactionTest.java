package io.quarkiverse.sqlspec.test.sessions;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;
import io.restassured.response.Response;

/**
 * A session change is kept exactly when the request's data is committed, on the request's one connection: with a
 * pool of a single connection, a request that writes data and its session still completes.
 */
class HttpSessionTransactionTest extends SessionTxTestBase {

    @RegisterExtension
    static final QuarkusUnitTest app = application();

    @Test
    void aCommittedRequestKeepsItsDataAndItsSession() throws Exception {
        String marker = "ok-" + UUID.randomUUID();
        Response response = given().post("/session-tx/" + marker + "/ok");
        response.then().statusCode(200);
        String cookie = response.cookie("sqlspec_session");
        assertThat(cookie).isNotNull();
        assertThat(marks(marker)).isEqualTo(1);
        assertThat(sessionsWith(marker)).isEqualTo(1);
        given().cookie("sqlspec_session", cookie).get("/session-tx/marker").then().statusCode(200)
                .body(equalTo(marker));
    }

    @Test
    void aFailedRequestLosesItsDataAndItsSessionChange() throws Exception {
        String marker = "fail-" + UUID.randomUUID();
        Response response = given().post("/session-tx/" + marker + "/fail");
        response.then().statusCode(500);
        assertThat(response.header("Set-Cookie")).isNull();
        assertThat(marks(marker)).isZero();
        assertThat(sessionsWith(marker)).isZero();
    }

    @Test
    void aCommitThatFailsTakesTheSessionChangeAndItsCookieWithIt() throws Exception {
        String marker = "dup-" + UUID.randomUUID();
        Response response = given().post("/session-tx/" + marker + "/duplicate");
        response.then().statusCode(409).body("message", startsWith("The changes were not saved"));
        assertThat(response.header("Set-Cookie")).isNull();
        assertThat(marks(marker)).isZero();
        assertThat(sessionsWith(marker)).isZero();
    }
}
