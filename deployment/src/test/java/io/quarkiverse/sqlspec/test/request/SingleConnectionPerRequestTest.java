package io.quarkiverse.sqlspec.test.request;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.agroal.api.AgroalDataSource;
import io.quarkiverse.sqlspec.test.DbChecks;
import io.quarkus.agroal.DataSource;
import io.quarkus.test.QuarkusUnitTest;

class SingleConnectionPerRequestTest {

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(RequestResource.class, RequestResource.Repository.class,
                    RequestResource.PidFilter.class, DbChecks.class))
            .overrideConfigKey("quarkus.datasource.db-kind", "postgresql")
            .overrideConfigKey("quarkus.datasource.audit.db-kind", "postgresql")
            .overrideConfigKey("quarkus.sqlspec.audit.commit-mode", "manual")
            .setLogRecordPredicate(record -> record.getThrown() != null)
            .assertLogRecords(records -> assertThat(records).map(record -> record.getThrown().getMessage())
                    // the blocking call on the event loop fails with a message that says what to do
                    .anyMatch(message -> message.contains("Vert.x event loop thread") && message.contains("db.async()"))
                    // a result kept past its request fails clearly
                    .anyMatch(message -> message.contains("used after its request or transaction ended")));

    @Inject
    AgroalDataSource primary;

    @Inject
    @DataSource("audit")
    AgroalDataSource audit;

    @Test
    void sessionsConnectionAndFilterShareOneBackend() {
        Map<String, Integer> pids = given().get("/request/pids").then().statusCode(200).extract().jsonPath()
                .getMap("", String.class, Integer.class);
        assertThat(pids).containsOnlyKeys("resource", "repository", "connection", "filter");
        assertThat(pids.values()).doesNotContainNull().containsOnly(pids.get("resource"));
    }

    @Test
    void commitFailingAtCommitTimeTurnsTheSuccessIntoAnErrorAndSavesNothing() throws Exception {
        // a deferred foreign key fails at COMMIT: the 201 becomes the 409 of a foreign-key violation
        given().post("/request/orphan/7").then().statusCode(409)
                .body("status", equalTo(409))
                .body("sqlState", equalTo("23503"))
                .body("message", startsWith("The changes were not saved."))
                .body(not(containsString("Exception")));
        assertThat(DbChecks.count(primary, "SELECT count(*) FROM children WHERE id = 7")).isZero();
    }

    @Test
    void eachDatasourceEndsByItsOwnCommitMode() throws Exception {
        String body = "both-" + UUID.randomUUID();
        given().post("/request/both/" + body).then().statusCode(200);
        assertThat(DbChecks.count(primary, "SELECT count(*) FROM notes WHERE body = '" + body + "'")).isEqualTo(1);
        // audit is in manual mode and the resource never committed it
        assertThat(DbChecks.count(audit, "SELECT count(*) FROM audit_log WHERE body = '" + body + "'")).isZero();
    }

    @Test
    void asyncEndpointsCommitAndRollBackByStatus() throws Exception {
        String kept = "async-kept-" + UUID.randomUUID();
        given().post("/request/async/" + kept + "/200").then().statusCode(200)
                .body(org.hamcrest.Matchers.equalTo("rows 1"));
        assertThat(DbChecks.count(primary, "SELECT count(*) FROM notes WHERE body = '" + kept + "'")).isEqualTo(1);

        String dropped = "async-dropped-" + UUID.randomUUID();
        given().post("/request/async/" + dropped + "/400").then().statusCode(400);
        assertThat(DbChecks.count(primary, "SELECT count(*) FROM notes WHERE body = '" + dropped + "'")).isZero();

        given().get("/request/async-count/" + kept).then().statusCode(200).body(org.hamcrest.Matchers.equalTo("1"));
    }

    @Test
    void readsNeedNoTransactionButWritingSelectsAreInIt() throws Exception {
        given().get("/request/reads").then().statusCode(200).body(org.hamcrest.Matchers.equalTo("true"));
        String body = "select-writes-" + UUID.randomUUID();
        given().post("/request/select-that-writes/" + body).then().statusCode(400);
        assertThat(DbChecks.count(primary, "SELECT count(*) FROM notes WHERE body = '" + body + "'")).isZero();
    }

    @Test
    void resultUsedAfterItsRequestEndedFailsClearly() {
        given().post("/request/keep-result").then().statusCode(200);
        given().get("/request/read-kept-result").then().statusCode(500);
    }

    @Test
    void blockingCallOnTheEventLoopFailsFast() {
        given().get("/request/blocking-on-event-loop").then().statusCode(500);
    }

}
