package io.quarkiverse.sqlspec.test.streaming;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.agroal.api.AgroalDataSource;
import io.quarkiverse.sqlspec.DbSession;
import io.quarkiverse.sqlspec.RowStream;
import io.quarkiverse.sqlspec.SqlSpec;
import io.quarkiverse.sqlspec.exception.SqlSpecException;
import io.quarkiverse.sqlspec.test.DbChecks;
import io.quarkus.test.QuarkusUnitTest;
import io.quarkus.test.common.http.TestHTTPResource;

/**
 * {@code DbSession.stream}: rows read through a cursor as they are used, in resource methods (JSON array and NDJSON
 * bodies written while the rows are read), programmatic transactions and auto-commit use. One pooled connection only,
 * so a stream that did not give its connection back fails the next test.
 */
class RowStreamTest {

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(StreamResource.class, Counter.class, DbChecks.class))
            .overrideConfigKey("quarkus.datasource.db-kind", "postgresql")
            .overrideConfigKey("quarkus.datasource.jdbc.max-size", "1")
            .overrideConfigKey("quarkus.datasource.jdbc.acquisition-timeout", "3S")
            .overrideConfigKey("quarkus.sqlspec.stream-fetch-size", "100")
            .setLogRecordPredicate(record -> record.getThrown() != null)
            // the client gets the generic 500 body; the log says what was wrong and what to do
            .assertLogRecords(records -> assertThat(records).map(record -> record.getThrown().getMessage())
                    .anyMatch(message -> message.contains("must read in the request's own transaction")
                            && message.contains("read it inside and return a list")));

    @Inject
    SqlSpec sqlspec;

    @Inject
    Counter counter;

    @Inject
    AgroalDataSource dataSource;

    @TestHTTPResource("/rows")
    URL rows;

    @BeforeEach
    void tables() throws Exception {
        DbChecks.execute(dataSource, "DROP TABLE IF EXISTS exports; CREATE TABLE exports (note text);"
                + " DROP TABLE IF EXISTS deferred_checks; CREATE TABLE deferred_checks (n int,"
                + " CONSTRAINT unique_n UNIQUE (n) DEFERRABLE INITIALLY DEFERRED)");
    }

    @Test
    void aReturnedStreamIsWrittenAsAJsonArray() throws Exception {
        String body = given().get("/rows?count=20000").then().statusCode(200)
                .contentType("application/json").extract().asString();
        List<Map<String, Object>> parsed = List.of(new ObjectMapper().readValue(body, Map[].class));
        assertThat(parsed).hasSize(20000);
        assertThat(parsed.get(0)).isEqualTo(Map.of("id", 1, "label", "row 1"));
        assertThat(parsed.get(19999)).isEqualTo(Map.of("id", 20000, "label", "row 20000"));
        given().get("/rows?count=0").then().statusCode(200).body(equalTo("[]"));
    }

    @Test
    void ndjsonWritesOneDocumentPerLine() {
        String body = given().get("/rows/lines?count=1500").then().statusCode(200).extract().asString();
        String[] lines = body.split("\n");
        assertThat(lines).hasSize(1500);
        assertThat(lines[0]).isEqualTo("{\"id\":1}");
        assertThat(lines[1499]).isEqualTo("{\"id\":1500}");
    }

    @Test
    void onlyTheRowsReadAreFetched() {
        // two billion rows (a set-returning function in the select list: PostgreSQL makes them one by one); without a
        // cursor, pgjdbc would try to hold them all
        given().get("/rows/first").then().statusCode(200).body(equalTo("6"));
    }

    @Test
    void theRequestsWritesCommitAfterTheRows() throws Exception {
        given().post("/rows/audited?count=5000&note=kept").then().statusCode(200);
        assertThat(DbChecks.text(dataSource, "SELECT string_agg(note, ',') FROM exports")).isEqualTo("kept");
    }

    @Test
    void aCommitThatFailsAfterTheRowsAbortsTheResponse() throws Exception {
        // large enough that rows are on the wire before the commit fails: the client must not get a complete body
        assertThat(outcome("/unsaved?count=50000", "POST")).isEqualTo("aborted");
        // small enough to be still buffered: the client gets an error status instead
        assertThat(outcome("/unsaved?count=3", "POST")).startsWith("complete 409");
        assertThat(DbChecks.count(dataSource, "SELECT count(*) FROM deferred_checks")).isZero();
    }

    @Test
    void aDatabaseErrorWhileStreamingNeverEndsAsASuccess() throws Exception {
        assertThat(outcome("/failing?count=50000&failAt=40000", "GET")).isEqualTo("aborted");
        // before the first row: an ordinary error response
        assertThat(outcome("/failing?count=10&failAt=1", "GET")).startsWith("complete 422");
        given().get("/rows?count=2").then().statusCode(200); // the one connection is back in the pool
    }

    @Test
    void aStreamFromATransactionThatEndedIsRefusedClearly() {
        given().get("/rows/from-transaction").then().statusCode(500)
                .body("message", equalTo("The request could not be completed"));
        given().get("/rows?count=2").then().statusCode(200); // the one connection is back in the pool
    }

    @Test
    void aStreamInsideATransactionIsReadWhereItIsOpened() {
        long sum = sqlspec.transaction(db -> {
            try (RowStream<Long> numbers = db.stream(Long.class, "SELECT g FROM generate_series(1, 10000) g")) {
                return numbers.stream().mapToLong(Long::longValue).sum();
            }
        });
        assertThat(sum).isEqualTo(10000L * 10001 / 2);
    }

    @Test
    void aStreamIsReadOnce() {
        sqlspec.inTransaction(SqlSpec.DEFAULT_DATASOURCE, db -> {
            try (RowStream<Long> numbers = db.stream(Long.class, "SELECT 1::bigint")) {
                assertThat(numbers.stream().count()).isEqualTo(1);
                assertThat(numbers.rowsRead()).isEqualTo(1);
                assertThatThrownBy(numbers::iterator).isInstanceOf(SqlSpecException.class)
                        .hasMessageContaining("read once");
            }
        });
    }

    @Test
    void inAutoCommitUseTheCursorsTransactionEndsWithIt() throws Exception {
        assertThat(counter.countThenInsert()).isEqualTo(2500);
        // committed when the method returned the count, not held open by the cursor's transaction
        assertThat(DbChecks.text(dataSource, "SELECT string_agg(note, ',') FROM exports")).isEqualTo("after");
    }

    /** "complete STATUS" when the body arrived whole, "aborted" when the connection ended inside it. */
    private String outcome(String path, String method) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(rows + path))
                .method(method, HttpRequest.BodyPublishers.noBody()).build();
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200) {
                new ObjectMapper().readTree(response.body()); // a complete, valid body would be a success
            }
            return "complete " + response.statusCode();
        } catch (IOException e) {
            return "aborted";
        }
    }

    @ApplicationScoped
    public static class Counter {

        @Inject
        DbSession db;

        @ActivateRequestContext
        long countThenInsert() {
            long count;
            try (RowStream<Long> numbers = db.stream(Long.class, "SELECT g FROM generate_series(1, 2500) g")) {
                count = numbers.stream().count();
            }
            db.execute("INSERT INTO exports (note) VALUES ('after')");
            return count;
        }
    }
}
