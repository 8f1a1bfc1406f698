package io.quarkiverse.sqlspec.test.sessions;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;
import io.restassured.response.Response;

/**
 * In manual commit mode the application commits its own work; the session is saved in a transaction of its own,
 * whatever the application did, and never commits what the application left uncommitted.
 */
class HttpSessionManualModeTest extends SessionTxTestBase {

    @RegisterExtension
    static final QuarkusUnitTest app = application()
            .overrideConfigKey("quarkus.sqlspec.commit-mode", "manual");

    @Test
    void theSessionIsSavedButUncommittedWorkIsNot() throws Exception {
        String marker = "manual-" + UUID.randomUUID();
        Response response = given().post("/session-tx/" + marker + "/ok");
        response.then().statusCode(200);
        assertThat(response.cookie("sqlspec_session")).isNotNull();
        assertThat(sessionsWith(marker)).isEqualTo(1);
        assertThat(marks(marker)).as("never committed by the application").isZero();
    }

    @Test
    void committedWorkAndTheSessionAreBothKept() throws Exception {
        String marker = "committed-" + UUID.randomUUID();
        given().post("/session-tx/" + marker + "/commit").then().statusCode(200);
        assertThat(marks(marker)).isEqualTo(1);
        assertThat(sessionsWith(marker)).isEqualTo(1);
    }
}
