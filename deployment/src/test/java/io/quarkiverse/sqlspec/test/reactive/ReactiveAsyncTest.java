package io.quarkiverse.sqlspec.test.reactive;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.agroal.api.AgroalDataSource;
import io.quarkiverse.sqlspec.StatementEvent;
import io.quarkiverse.sqlspec.test.DbChecks;
import io.quarkiverse.sqlspec.test.observability.ObservedResource;
import io.quarkus.test.QuarkusUnitTest;

/**
 * db.async() on the reactive PostgreSQL client (the application has quarkus-reactive-pg-client, Dev Services give the
 * datasource a reactive URL): the statements run without a worker thread, and every rule of the JDBC path holds.
 * Outcomes are checked over JDBC, on connections of their own.
 */
class ReactiveAsyncTest {

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(ReactiveResource.class, ReactiveResource.Note.class, ObservedResource.Collector.class,
                    DbChecks.class))
            .overrideConfigKey("quarkus.datasource.db-kind", "postgresql")
            .setLogRecordPredicate(record -> record.getThrown() != null)
            .assertLogRecords(records -> assertThat(records).map(record -> record.getThrown().getMessage())
                    .anyMatch(message -> message.contains("through the reactive client")
                            && message.contains("quarkus.sqlspec.async-driver=jdbc")));

    @Inject
    AgroalDataSource dataSource;

    @Test
    void asyncStatementsRunOnTheReactiveClient() {
        given().get("/reactive/driver").then().statusCode(200).body(equalTo("vertx-pg-client"));
    }

    @Inject
    ObservedResource.Collector collector;

    @Test
    void statementEventsCarryTheRequestsId() {
        String body = "observed-" + UUID.randomUUID();
        given().header("X-Request-ID", "reactive-obs").post("/reactive/notes/" + body + "/200").then().statusCode(200);
        given().header("X-Request-ID", "reactive-broken").post("/reactive/duplicate/other-" + body).then()
                .statusCode(409);
        assertThat(collector.events()).filteredOn(e -> "reactive-obs".equals(e.correlationId())).singleElement()
                .satisfies(e -> {
                    assertThat(e.operation()).isEqualTo("INSERT");
                    assertThat(e.rows()).isEqualTo(1);
                    assertThat(e.failed()).isFalse();
                });
        // the first insert ran, the second failed on the unique body
        assertThat(collector.events()).filteredOn(e -> "reactive-broken".equals(e.correlationId()))
                .extracting(StatementEvent::failed).containsExactly(false, true);
    }

    @Test
    void twoHundredCommitsAndOtherStatusesRollBack() throws Exception {
        String kept = "kept-" + UUID.randomUUID();
        String dropped = "dropped-" + UUID.randomUUID();
        given().post("/reactive/notes/" + kept + "/200").then().statusCode(200).body(equalTo("1"));
        given().post("/reactive/notes/" + dropped + "/400").then().statusCode(400);
        assertThat(count(kept)).isEqualTo(1);
        assertThat(count(dropped)).isZero();
    }

    @Test
    void rowsMapToRecordsWithNamedParameters() throws Exception {
        String body = "returning-" + UUID.randomUUID();
        int id = given().post("/reactive/returning/" + body).then().statusCode(200).body("body", equalTo(body))
                .extract().path("id");
        assertThat(DbChecks.text(dataSource, "SELECT body FROM reactive_notes WHERE id = " + id)).isEqualTo(body);
        given().get("/reactive/notes/" + body).then().statusCode(200).body("id", equalTo(id));
        given().get("/reactive/notes/missing-" + UUID.randomUUID()).then().statusCode(204);
    }

    @Test
    void batchesCountTheirRowsAndCommit() throws Exception {
        String prefix = "batch-" + UUID.randomUUID();
        given().post("/reactive/batch/" + prefix).then().statusCode(200).body(equalTo("3"));
        assertThat(DbChecks.count(dataSource, "SELECT count(*) FROM reactive_notes WHERE body LIKE '" + prefix + "-%'"))
                .isEqualTo(3);
    }

    @Test
    void commitFailingAtCommitTimeTurnsTheSuccessIntoAnErrorAndSavesNothing() throws Exception {
        int id = Math.abs(UUID.randomUUID().hashCode());
        given().post("/reactive/orphan/" + id).then().statusCode(409)
                .body("sqlState", equalTo("23503"))
                .body("message", startsWith("The changes were not saved."))
                .body(not(containsString("Exception")));
        assertThat(DbChecks.count(dataSource, "SELECT count(*) FROM reactive_children WHERE id = " + id)).isZero();
    }

    @Test
    void aConstraintViolationIsAConflictAndRollsBackTheRequest() throws Exception {
        String body = "duplicate-" + UUID.randomUUID();
        given().post("/reactive/duplicate/" + body).then().statusCode(409)
                .body("sqlState", equalTo("23505"))
                .body(not(containsString(body)));
        assertThat(count(body)).isZero();
    }

    @Test
    void aSwallowedFailureStillPreventsTheCommit() throws Exception {
        String body = "swallowed-" + UUID.randomUUID();
        int status = given().post("/reactive/swallowed/" + body).then().extract().statusCode();
        assertThat(status).isGreaterThanOrEqualTo(400);
        assertThat(count(body)).isZero();
    }

    @Test
    void anExplicitCommitKeepsTheWorkWhateverTheStatus() throws Exception {
        String body = "committed-" + UUID.randomUUID();
        given().post("/reactive/committed-then-fails/" + body).then().statusCode(500);
        assertThat(count(body)).isEqualTo(1);
    }

    @Test
    void mapRowsHoldTheSameValuesAsOnJdbc() {
        String reactive = given().get("/reactive/row").then().statusCode(200).body("z", nullValue()).extract().asString();
        String jdbc = given().get("/reactive/row-blocking").then().statusCode(200).extract().asString();
        assertThat(reactive).isEqualTo(jdbc);
    }

    @Test
    void convertedParametersBindAsOnJdbc() {
        String jdbc = given().get("/reactive/converted-blocking").then().statusCode(200)
                .body("instant", equalTo("1767225600.000000")).body("zoned", equalTo("1767225600.000000"))
                .body("color", equalTo("BLUE")).body("colors", equalTo("{RED,BLUE}")).extract().asString();
        given().get("/reactive/converted").then().statusCode(200).body(equalTo(jdbc));
    }

    @Test
    void jsonParametersBindAsOnJdbc() {
        given().get("/reactive/json-blocking").then().statusCode(200).body(equalTo("map/text"));
        given().get("/reactive/json").then().statusCode(200).body(equalTo("map/text"));
        // text that is not JSON fails as PostgreSQL fails it on JDBC
        given().get("/reactive/json-invalid").then().statusCode(422).body("sqlState", equalTo("22P02"));
    }

    @Test
    void aBlockingCallAfterReactiveOnesInOneRequestIsRefused() {
        given().get("/reactive/mixed").then().statusCode(500).body(not(containsString("Exception")));
    }

    private long count(String body) throws Exception {
        return DbChecks.count(dataSource, "SELECT count(*) FROM reactive_notes WHERE body = '" + body + "'");
    }
}
