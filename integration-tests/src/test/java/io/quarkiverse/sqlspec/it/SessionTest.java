package io.quarkiverse.sqlspec.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkiverse.sqlspec.HttpSessionStore;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * Server-side sessions through real HTTP and real cookies, checked in the session table.
 */
@QuarkusTest
class SessionTest {

    static final String COOKIE = "sqlspec_session";

    @Inject
    AgroalDataSource dataSource;

    static Response login(String password, String cookie) {
        var request = given().contentType(ContentType.JSON)
                .body("{\"username\":\"alice\",\"password\":\"" + password + "\"}");
        if (cookie != null) {
            request.cookie(COOKIE, cookie);
        }
        return request.post("/login");
    }

    static String loggedIn() {
        return login("secret", null).then().statusCode(200).extract().cookie(COOKIE);
    }

    @Test
    void loginSetsAHardenedCookieAndProfileNeedsIt() throws Exception {
        Response response = login("secret", null);
        response.then().statusCode(200).body("status", equalTo("logged in"));
        String setCookie = response.header("Set-Cookie");
        assertThat(setCookie).startsWith(COOKIE + "=").contains("; Path=/").contains("; HttpOnly")
                .contains("; SameSite=Lax").doesNotContain("Secure").doesNotContain("Domain");
        assertThat(response.header("Cache-Control")).isEqualTo("no-store");
        String id = response.cookie(COOKIE);
        assertThat(id).matches("[A-Za-z0-9_-]{43}");
        assertThat(Db.queryValue(dataSource, "SELECT data->>'user_id' FROM sqlspec_sessions WHERE session_id = '"
                + Db.sessionKey(id) + "'")).isNotNull();
        assertThat(Db.queryValue(dataSource, "SELECT count(*) FROM sqlspec_sessions WHERE session_id = '" + id + "'"))
                .as("the table holds the id's hash, never an id a browser could present").isEqualTo("0");

        given().cookie(COOKIE, id).get("/profile").then().statusCode(200).body("user_id", org.hamcrest.Matchers.notNullValue());
        given().get("/profile").then().statusCode(401);
    }

    @Test
    void aSessionChangeIsKeptExactlyWhenTheRequestCommits() throws Exception {
        String before = Db.queryValue(dataSource, "SELECT count(*) FROM sqlspec_sessions");
        Response failed = given().post("/test/session-counter/fails");
        failed.then().statusCode(500);
        assertThat(failed.header("Set-Cookie")).as("a session that was not saved gets no cookie").isNull();
        assertThat(Db.queryValue(dataSource, "SELECT count(*) FROM sqlspec_sessions")).isEqualTo(before);

        String id = given().post("/test/session-counter").then().statusCode(200).extract().cookie(COOKIE);
        given().cookie(COOKIE, id).post("/test/session-counter/fails").then().statusCode(500);
        assertThat(Db.queryValue(dataSource, "SELECT data->>'count' FROM sqlspec_sessions WHERE session_id = '"
                + Db.sessionKey(id) + "'")).as("the failed request's change is rolled back").isEqualTo("1");
    }

    @Test
    void wrongPasswordIsRefusedWithoutASession() {
        Response response = login("wrong", null);
        response.then().statusCode(401);
        assertThat(response.header("Set-Cookie")).isNull();
    }

    @Test
    void forgedOrMalformedIdsAreNeverAdopted() throws Exception {
        String forged = "A".repeat(43);
        given().cookie(COOKIE, forged).get("/profile").then().statusCode(401);
        String issued = login("secret", forged).then().statusCode(200).extract().cookie(COOKIE);
        assertThat(issued).isNotEqualTo(forged);
        assertThat(Db.queryValue(dataSource, "SELECT count(*) FROM sqlspec_sessions WHERE session_id = '" + Db.sessionKey(forged) + "'"))
                .isEqualTo("0");
        for (String malformed : new String[] { "", "x", "'; DROP TABLE sqlspec_sessions; --", "é".repeat(43) }) {
            given().cookie(COOKIE, malformed).get("/profile").then().statusCode(401);
        }
    }

    @Test
    void loginAgainRegeneratesTheIdAndKillsTheOldOne() {
        String first = loggedIn();
        String second = login("secret", first).then().statusCode(200).extract().cookie(COOKIE);
        assertThat(second).isNotEqualTo(first);
        given().cookie(COOKIE, first).get("/profile").then().statusCode(401);
        given().cookie(COOKIE, second).get("/profile").then().statusCode(200);
    }

    @Test
    void regeneratingOnLoginKeepsTheData() throws Exception {
        Response anonymous = given().post("/test/session-counter");
        anonymous.then().statusCode(200).body(equalTo("1"));
        String before = anonymous.cookie(COOKIE);
        String after = login("secret", before).then().statusCode(200).extract().cookie(COOKIE);
        assertThat(after).isNotEqualTo(before);
        assertThat(Db.queryValue(dataSource, "SELECT data->>'count' FROM sqlspec_sessions WHERE session_id = '"
                + Db.sessionKey(after) + "'")).isEqualTo("1");
        assertThat(Db.queryValue(dataSource, "SELECT count(*) FROM sqlspec_sessions WHERE session_id = '" + Db.sessionKey(before)
                + "'")).isEqualTo("0");
    }

    @Test
    void readsRenewTheIdleTimeoutAtMostOncePerInterval() throws Exception {
        String id = loggedIn();
        // pretend the last renewal was two minutes ago (renew-after is 60 s)
        Db.execute(dataSource, "UPDATE sqlspec_sessions SET expires_at = now() + interval '28 minutes'"
                + " WHERE session_id = '" + Db.sessionKey(id) + "'");
        given().cookie(COOKIE, id).get("/profile").then().statusCode(200);
        double left = Double.parseDouble(Db.queryValue(dataSource,
                "SELECT EXTRACT(EPOCH FROM expires_at - now()) FROM sqlspec_sessions WHERE session_id = '" + Db.sessionKey(id) + "'"));
        assertThat(left).as("renewed to the full idle timeout").isGreaterThan(29 * 60);
        String version = rowVersion(id);
        given().cookie(COOKIE, id).get("/profile").then().statusCode(200);
        assertThat(rowVersion(id)).as("not renewed again right away").isEqualTo(version);
    }

    @Test
    void logoutDeletesTheSessionAndClearsTheCookie() throws Exception {
        String id = loggedIn();
        Response response = given().cookie(COOKIE, id).post("/logout");
        response.then().statusCode(200).body("status", equalTo("logged out"));
        assertThat(response.header("Set-Cookie")).startsWith(COOKIE + "=;").contains("Max-Age=0");
        assertThat(Db.queryValue(dataSource, "SELECT count(*) FROM sqlspec_sessions WHERE session_id = '" + Db.sessionKey(id) + "'"))
                .isEqualTo("0");
        given().cookie(COOKIE, id).get("/profile").then().statusCode(401);
    }

    @Test
    void requestsThatDoNotChangeTheSessionWriteNothing() throws Exception {
        String id = loggedIn();
        String version = rowVersion(id);
        given().cookie(COOKIE, id).get("/users").then().statusCode(200).header("Set-Cookie", (String) null);
        given().cookie(COOKIE, id).get("/profile").then().statusCode(200).header("Set-Cookie", (String) null);
        assertThat(rowVersion(id)).as("no UPDATE of the session row").isEqualTo(version);
    }

    @Test
    void idleAndAbsoluteTimeoutsAreEnforcedByTheDatabaseClock() throws Exception {
        String idle = loggedIn();
        Db.execute(dataSource, "UPDATE sqlspec_sessions SET expires_at = now() - interval '1 second'"
                + " WHERE session_id = '" + Db.sessionKey(idle) + "'");
        given().cookie(COOKIE, idle).get("/profile").then().statusCode(401);

        String old = loggedIn();
        Db.execute(dataSource, "UPDATE sqlspec_sessions SET created_at = now() - interval '8 hours 1 minute'"
                + " WHERE session_id = '" + Db.sessionKey(old) + "'");
        given().cookie(COOKIE, old).get("/profile").then().statusCode(401);
    }

    @Test
    void fiftyConcurrentRequestsOnOneSessionNeitherFailNorLoseIt() throws Exception {
        String id = loggedIn();
        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                boolean write = i % 2 == 0;
                statuses.add(pool.submit(() -> write
                        ? given().cookie(COOKIE, id).post("/test/session-counter").statusCode()
                        : given().cookie(COOKIE, id).get("/profile").statusCode()));
            }
            for (Future<Integer> status : statuses) {
                assertThat(status.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }
        given().cookie(COOKIE, id).get("/profile").then().statusCode(200);
        assertThat(Long.parseLong(Db.queryValue(dataSource,
                "SELECT (data->>'count')::bigint FROM sqlspec_sessions WHERE session_id = '" + Db.sessionKey(id) + "'")))
                .isBetween(1L, 25L);
    }

    @Test
    void plainVertxRoutesHaveSessionsToo() throws Exception {
        Response first = given().get("/test/plain-visits");
        first.then().statusCode(200).body(equalTo("1"));
        String id = first.cookie(COOKIE);
        assertThat(id).isNotNull();
        assertThat(first.header("Cache-Control")).isEqualTo("no-store");
        given().cookie(COOKIE, id).get("/test/plain-visits").then().statusCode(200).body(equalTo("2"));
        assertThat(Db.queryValue(dataSource, "SELECT data->>'visits' FROM sqlspec_sessions WHERE session_id = '"
                + Db.sessionKey(id) + "'")).isEqualTo("2");
    }

    @Test
    void anOversizedSessionIsRefusedClearlyAndNotStored() throws Exception {
        String before = Db.queryValue(dataSource, "SELECT count(*) FROM sqlspec_sessions");
        Response response = given().post("/test/session-counter/oversized");
        response.then().statusCode(500).body("message", equalTo("The session is too large to be saved"));
        assertThat(response.header("Set-Cookie")).isNull();
        assertThat(Db.queryValue(dataSource, "SELECT count(*) FROM sqlspec_sessions")).isEqualTo(before);
    }

    @Test
    void expiredSessionsArePurgedOnDemand() throws Exception {
        String id = loggedIn();
        Db.execute(dataSource, "UPDATE sqlspec_sessions SET expires_at = now() - interval '1 minute'"
                + " WHERE session_id = '" + Db.sessionKey(id) + "'");
        assertThat(sessionStore.deleteExpired()).isGreaterThanOrEqualTo(1);
        assertThat(Db.queryValue(dataSource, "SELECT count(*) FROM sqlspec_sessions WHERE session_id = '" + Db.sessionKey(id) + "'"))
                .isEqualTo("0");
    }

    @Inject
    HttpSessionStore sessionStore;

    private String rowVersion(String id) throws Exception {
        return Db.queryValue(dataSource, "SELECT xmin::text || '/' || updated_at::text FROM sqlspec_sessions"
                + " WHERE session_id = '" + Db.sessionKey(id) + "'");
    }
}
