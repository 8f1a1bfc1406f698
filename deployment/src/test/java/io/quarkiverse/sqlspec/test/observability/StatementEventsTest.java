package io.quarkiverse.sqlspec.test.observability;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Level;

import jakarta.inject.Inject;

import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.sqlspec.StatementEvent;
import io.quarkiverse.sqlspec.exception.BadSqlException;
import io.quarkus.test.QuarkusUnitTest;

class StatementEventsTest {

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(ObservedResource.class, ObservedResource.Collector.class))
            .overrideConfigKey("quarkus.datasource.db-kind", "postgresql")
            .overrideConfigKey("quarkus.sqlspec.slow-query-threshold", "200ms")
            .overrideConfigKey("quarkus.log.category.\"io.quarkiverse.sqlspec.statements\".level", "DEBUG")
            .setLogRecordPredicate(record -> record.getLoggerName().equals("io.quarkiverse.sqlspec.statements"))
            .assertLogRecords(StatementEventsTest::everyLogLineCarriesItsOwnRequestId);

    @Inject
    ObservedResource.Collector collector;

    @Test
    void observerReceivesTheRequestsStatementsWithItsId() {
        given().header("X-Request-ID", "obs-1").post("/observed/write/hello").then().statusCode(200);
        List<StatementEvent> events = collector.events().stream().filter(e -> "obs-1".equals(e.correlationId()))
                .toList();
        assertThat(events).hasSize(2);
        StatementEvent insert = events.get(0);
        assertThat(insert.datasource()).isEqualTo("<default>");
        assertThat(insert.operation()).isEqualTo("INSERT");
        assertThat(insert.sql()).isEqualTo("INSERT INTO observed (note) VALUES ($1)");
        assertThat(insert.parameters()).containsExactly("***");
        assertThat(insert.rows()).isEqualTo(1);
        assertThat(insert.duration()).isPositive();
        assertThat(insert.failed()).isFalse();
        assertThat(events.get(1).operation()).isEqualTo("SELECT");
    }

    @Test
    void failedStatementsAreEventsToo() {
        given().header("X-Request-ID", "obs-broken").get("/observed/broken").then().statusCode(500);
        assertThat(collector.events()).filteredOn(e -> "obs-broken".equals(e.correlationId())).singleElement()
                .satisfies(e -> assertThat(e.error()).isInstanceOf(BadSqlException.class));
    }

    @Test
    void concurrentRequestsKeepTheirOwnIds() throws Exception {
        CompletableFuture<?> first = CompletableFuture.runAsync(
                () -> given().header("X-Request-ID", "slow-a").get("/observed/slow").then().statusCode(200));
        CompletableFuture<?> second = CompletableFuture.runAsync(
                () -> given().header("X-Request-ID", "slow-b").get("/observed/slow").then().statusCode(200));
        CompletableFuture.allOf(first, second).get();
        assertThat(collector.events()).filteredOn(e -> e.sql().contains("pg_sleep"))
                .extracting(StatementEvent::correlationId).contains("slow-a", "slow-b");
    }

    /** Each DEBUG/WARN statement line names a request id, and the logging MDC of that line holds the same id. */
    static void everyLogLineCarriesItsOwnRequestId(List<java.util.logging.LogRecord> records) {
        assertThat(records).isNotEmpty();
        boolean slowWarned = false;
        for (java.util.logging.LogRecord record : records) {
            ExtLogRecord ext = (ExtLogRecord) record;
            String formatted = ext.getFormattedMessage();
            String mdc = ext.getMdc("request_id");
            if (mdc != null) {
                assertThat(formatted).contains(mdc);
            }
            if (mdc != null && mdc.startsWith("slow-")) {
                String other = mdc.equals("slow-a") ? "slow-b" : "slow-a";
                assertThat(formatted).doesNotContain(other);
            }
            slowWarned |= record.getLevel().equals(Level.WARNING) && formatted.contains("Slow statement");
        }
        assertThat(slowWarned).as("a statement over the threshold is logged at WARN").isTrue();
    }
}
