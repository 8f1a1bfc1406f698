package io.quarkiverse.sqlspec.test.sessions;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.agroal.api.AgroalDataSource;
import io.quarkiverse.sqlspec.test.DbChecks;
import io.quarkus.test.QuarkusUnitTest;

/**
 * A request that only puts values in its session writes them with one UPDATE, without reading the session first;
 * everything else (a new session, a session grown past the limit, a read after the put) takes the load-then-write path.
 */
class HttpSessionBlindWriteTest {

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(BlindWriteResource.class, BlindWriteResource.Statements.class,
                    DbChecks.class))
            .overrideConfigKey("quarkus.datasource.db-kind", "postgresql")
            .overrideConfigKey("quarkus.sqlspec.http-session.enabled", "true")
            .overrideConfigKey("quarkus.sqlspec.http-session.max-size", "300");

    @Inject
    BlindWriteResource.Statements statements;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aPutOnlyRequestIsOneUpdateThatKeepsTheOtherKeys() throws Exception {
        String cookie = login("alice");
        given().cookie("sqlspec_session", cookie).header("X-Request-ID", "blind-1").post("/blind/put/theme/dark")
                .then().statusCode(200).header("Set-Cookie", (String) null);
        assertThat(statements.of("blind-1")).containsExactly("UPDATE session");
        assertThat(DbChecks.text(dataSource, "SELECT data->>'user' || ',' || (data->>'theme') FROM sqlspec_sessions"
                + " WHERE data->>'user' = 'alice'")).isEqualTo("alice,dark");
    }

    @Test
    void aPutOnAnUnknownSessionStartsANewOne() throws Exception {
        String newCookie = given().cookie("sqlspec_session", "A".repeat(43)).post("/blind/put/lang/fr").then()
                .statusCode(200).extract().cookie("sqlspec_session");
        assertThat(newCookie).isNotNull().isNotEqualTo("A".repeat(43));
        assertThat(DbChecks.count(dataSource, "SELECT count(*) FROM sqlspec_sessions WHERE data = '{\"lang\": \"fr\"}'"))
                .isEqualTo(1);
    }

    @Test
    void aPutThatWouldGrowPastTheLimitIsRefusedAndChangesNothing() throws Exception {
        String cookie = login("bob");
        given().cookie("sqlspec_session", cookie).post("/blind/put/note/" + "x".repeat(400)).then().statusCode(500)
                .body("message", equalTo("The session is too large to be saved"));
        assertThat(DbChecks.text(dataSource, "SELECT data::text FROM sqlspec_sessions WHERE data->>'user' = 'bob'"))
                .isEqualTo("{\"user\": \"bob\"}");
    }

    @Test
    void aReadAfterThePutSeesBothAndLoadsOnce() {
        String cookie = login("carol");
        given().cookie("sqlspec_session", cookie).header("X-Request-ID", "blind-2").post("/blind/put-then-read/k/v")
                .then().statusCode(200).body(equalTo("v,carol"));
        assertThat(statements.of("blind-2")).containsExactly("SELECT session", "UPDATE session");
    }

    @Test
    void aReadIsOneSelectAndNoWrite() {
        String cookie = login("erin");
        given().cookie("sqlspec_session", cookie).post("/blind/put/count/7").then().statusCode(200);
        given().cookie("sqlspec_session", cookie).header("X-Request-ID", "read-1").post("/blind/read/count").then()
                .statusCode(200).body(equalTo("7"));
        assertThat(statements.of("read-1")).containsExactly("SELECT session");
    }

    @Test
    void concurrentPutsOfDifferentKeysAreAllKept() throws Exception {
        String cookie = login("dave");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> puts = List.of("a", "b", "c", "d").stream()
                    .map(key -> pool.submit(() -> given().cookie("sqlspec_session", cookie)
                            .post("/blind/put/" + key + "/1").statusCode()))
                    .toList();
            for (Future<Integer> put : puts) {
                assertThat(put.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdown();
        }
        assertThat(DbChecks.text(dataSource, "SELECT string_agg(key, ',' ORDER BY key) FROM sqlspec_sessions,"
                + " jsonb_object_keys(data) AS key WHERE data->>'user' = 'dave'")).isEqualTo("a,b,c,d,user");
    }

    private static String login(String user) {
        return given().post("/blind/login/" + user).then().statusCode(200).extract().cookie("sqlspec_session");
    }
}
