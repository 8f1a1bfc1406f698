package io.quarkiverse.sqlspec.test.errors;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.QuarkusUnitTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * Every error SQLSpec raises reaches the client in one JSON shape with a status it can act on, and neither the
 * response nor the log holds the row values PostgreSQL reports with it.
 */
class ErrorResponsesTest {

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClass(ErrorResource.class))
            .overrideConfigKey("quarkus.datasource.db-kind", "postgresql")
            // everything SQLSpec logs, down to the statement lines
            .overrideConfigKey("quarkus.log.category.\"io.quarkiverse.sqlspec\".level", "DEBUG")
            .setLogRecordPredicate(record -> record.getLoggerName().startsWith("io.quarkiverse.sqlspec")
                    || record.getLevel().intValue() >= Level.WARNING.intValue())
            .assertLogRecords(ErrorResponsesTest::noLogHoldsTheSecret);

    @ParameterizedTest
    @CsvSource({
            "not-null,   422, 23502",
            "check,      422, 23514",
            "unique,     409, 23505",
            "data,       422, 22P02",
            "nul,        422, 22021",
            "batch,      422, 23502",
            "bad-sql,    500, 42P01" })
    void databaseErrorsGetTheirStatusInOneShape(String kind, int status, String sqlState) {
        Response response = given().header("X-Request-ID", "err-" + kind).post("/errors/" + kind);
        response.then().statusCode(status).contentType(ContentType.JSON)
                .body("status", equalTo(status))
                .body("sqlState", equalTo(sqlState))
                .body("requestId", equalTo("err-" + kind));
        assertThat(response.jsonPath().getMap("").keySet()).containsExactlyInAnyOrder("status", "error", "message",
                "sqlState", "requestId");
        assertThat(response.asString()).doesNotContain(ErrorResource.SECRET).doesNotContain("INSERT")
                .doesNotContain("SELECT").doesNotContain("Exception");
    }

    @Test
    void misuseOfTheApiIsA500InTheSameShape() {
        for (String path : List.of("/errors/parameters", "/errors/event-loop")) {
            Response response = path.endsWith("event-loop") ? given().get(path) : given().post(path);
            response.then().statusCode(500).contentType(ContentType.JSON)
                    .body("status", equalTo(500))
                    .body("message", equalTo("The request could not be completed"))
                    .body("$", not(hasKey("sqlState")));
            assertThat(response.asString()).doesNotContain("Exception").doesNotContain("INSERT");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "not-null", "check", "unique", "data", "nul", "batch" })
    void exceptionsCarryTheSqlStateAndConstraintButNoRowValues(String kind) {
        List<String> messages = given().post("/errors/messages/" + kind).then().statusCode(200).extract().jsonPath()
                .getList("", String.class);
        assertThat(messages).isNotEmpty().noneMatch(message -> message.contains(ErrorResource.SECRET))
                .noneMatch(message -> message.contains("Failing row contains"))
                .noneMatch(message -> message.contains("taken@example.com"))
                .noneMatch(message -> message.contains("'11'"));
        assertThat(messages.get(0)).contains("SQLSTATE");
        if (kind.equals("unique")) {
            assertThat(messages.get(0)).contains("secrets_email_key");
        }
    }

    static void noLogHoldsTheSecret(List<LogRecord> records) {
        assertThat(records).isNotEmpty();
        for (LogRecord record : records) {
            StringBuilder text = new StringBuilder(String.valueOf(((ExtLogRecord) record).getFormattedMessage()));
            for (Throwable t = record.getThrown(); t != null; t = t.getCause()) {
                text.append('\n').append(t);
                if (t instanceof SQLException sql && sql.getNextException() != null) {
                    text.append('\n').append(sql.getNextException());
                }
            }
            assertThat(text.toString()).as("log record %s", record.getMessage())
                    .doesNotContain(ErrorResource.SECRET).doesNotContain("Failing row contains")
                    .doesNotContain("taken@example.com");
        }
    }

    static Map<String, Object> unused;
}
