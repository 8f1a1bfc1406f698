package io.quarkiverse.sqlspec.test.duckdb;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.sqlspec.DbSession;
import io.quarkiverse.sqlspec.SqlSpec;
import io.quarkiverse.sqlspec.exception.SqlParameterException;
import io.quarkiverse.sqlspec.exception.SqlSpecException;
import io.quarkiverse.sqlspec.exception.UniqueViolationException;
import io.quarkus.agroal.DataSource;
import io.quarkus.test.QuarkusUnitTest;

/**
 * A DuckDB datasource ({@code db-kind=duckdb}) with no URL: Dev Services give it a file; statements, typed mapping,
 * batches, scripts, migrations, commits decided by the HTTP status, and what DuckDB cannot do. Outcomes are read
 * from a JDBC connection of the test's own, opened on the file.
 */
class DuckDbTest {

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(EventResource.class)
                    .addAsResource(new StringAsset("""
                            -- name: migrate-0001-up
                            CREATE SEQUENCE events_id;
                            CREATE TABLE events (id BIGINT PRIMARY KEY DEFAULT nextval('events_id'),
                                kind VARCHAR NOT NULL, amount DECIMAL(10, 2), tags VARCHAR[],
                                created_at TIMESTAMP DEFAULT current_timestamp);

                            -- name: migrate-0001-down
                            DROP TABLE events;
                            DROP SEQUENCE events_id;
                            """), "db/migrations/analytics/0001_create_events.sql"))
            .overrideConfigKey("quarkus.datasource.analytics.db-kind", "duckdb");

    @Inject
    SqlSpec sqlspec;

    @Inject
    @DataSource("analytics")
    DbSession analytics;

    record Event(long id, String kind, BigDecimal amount, List<String> tags, LocalDateTime createdAt) {
    }

    record Types(int i, long l, BigDecimal d, double f, boolean b, LocalDate day, LocalDateTime at, UUID u,
            List<Integer> numbers, Map<String, Object> struct, Map<String, Object> map) {
    }

    @Path("/events")
    public static class EventResource {

        @Inject
        @DataSource("analytics")
        DbSession analytics;

        /** Inserts, then answers with the status asked for: the status decides the commit. */
        @POST
        @Path("/{kind}/{status}")
        public Response add(@PathParam("kind") String kind, @PathParam("status") int status) {
            analytics.execute("INSERT INTO events (kind, amount) VALUES (:kind, 1.50)", Map.of("kind", kind));
            return Response.status(status).entity(Map.of("kind", kind)).build();
        }

        @POST
        @Path("/with-id/{id}/{amount}")
        public Map<String, Object> addWithId(@PathParam("id") long id, @PathParam("amount") String amount) {
            analytics.execute("INSERT INTO events (id, kind, amount) VALUES (?, 'with-id', CAST(? AS DECIMAL(10, 2)))",
                    id, amount);
            return Map.of("id", id);
        }

        /** Carries on after a failed statement: DuckDB would discard the transaction at commit without a word. */
        @POST
        @Path("/swallowing-an-error/{id}")
        public Map<String, Object> swallow(@PathParam("id") long id) {
            analytics.execute("INSERT INTO events (id, kind) VALUES (?, 'swallowed')", id);
            try {
                analytics.execute("INSERT INTO events (id, kind) VALUES (?, 'duplicate')", id);
            } catch (UniqueViolationException expected) {
                // the application decides the duplicate does not matter
            }
            return Map.of("id", id);
        }
    }

    static String url() {
        return ConfigProvider.getConfig().getValue("quarkus.datasource.analytics.jdbc.url", String.class);
    }

    /** The test's own connection to the DuckDB file, not one of the application's pool. */
    static long count(String where) throws Exception {
        try (Connection connection = DriverManager.getConnection(url());
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT count(*) FROM events WHERE " + where)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void devServicesGiveTheDatasourceAFileUnderTheBuildDirectory() {
        assertThat(url()).startsWith("jdbc:duckdb:").endsWith("/sqlspec-duckdb/test/analytics.duckdb");
        assertThat(Files.exists(java.nio.file.Path.of(url().substring("jdbc:duckdb:".length())))).isTrue();
        assertThat(sqlspec.datasources()).contains("analytics");
    }

    @Test
    void migrationsRanAtStartUnderTheInProcessLock() throws Exception {
        try (Connection connection = DriverManager.getConnection(url());
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT version_num FROM ddl_migrations")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("0001");
        }
    }

    @Test
    void theStatusDecidesTheCommit() throws Exception {
        given().post("/events/committed/201").then().statusCode(201);
        given().post("/events/rolled-back/500").then().statusCode(500);
        given().post("/events/rolled-back-too/409").then().statusCode(409);
        assertThat(count("kind = 'committed'")).isEqualTo(1);
        assertThat(count("kind LIKE 'rolled-back%'")).isZero();
    }

    @Test
    void aRollbackLeavesTheFileUnchanged() throws Exception {
        long before = count("true");
        assertThatThrownBy(() -> sqlspec.inTransaction("analytics", db -> {
            db.execute("INSERT INTO events (kind) VALUES (?)", "never");
            db.execute("INSERT INTO events (id, kind) VALUES (-1, 'a'), (-1, 'b')");
        })).isInstanceOf(UniqueViolationException.class).hasMessageContaining("\"***\"")
                .satisfies(e -> assertThat(((UniqueViolationException) e).sqlState()).isEqualTo("23505"));
        assertThat(count("true")).isEqualTo(before);
        assertThat(count("kind = 'never'")).isZero();
    }

    @Test
    void placeholdersOfEveryStyleAndDuckDbSyntaxThatLooksLikeThem() {
        Map<String, Object> row = sqlspec.transaction("analytics", db -> db.selectOne(
                "SELECT $1::INTEGER + $1::INTEGER AS twice, {'key':1} AS struct_field, [1, 2, 3][2:3] AS slice,"
                        + " list_transform([1, 2], lambda x:x + 1) AS lambda, $$it's$$ AS dollar, E'a\\'b' AS escaped",
                21));
        assertThat(row.get("twice")).isEqualTo(42);
        assertThat(row.get("slice")).isEqualTo(List.of(2, 3));
        assertThat(row.get("lambda")).isEqualTo(List.of(2, 3));
        assertThat(row.get("dollar")).isEqualTo("it's");
        assertThat(row.get("escaped")).isEqualTo("a'b");
        Long named = sqlspec.transaction("analytics",
                db -> db.selectValue(Long.class, "SELECT :a + :b + :a", Map.of("a", 1, "b", 2)));
        assertThat(named).isEqualTo(4);
        assertThatThrownBy(() -> sqlspec.transaction("analytics", db -> db.selectValue(Long.class, "SELECT $n", 1)))
                .isInstanceOf(SqlParameterException.class).hasMessageContaining("write :n instead");
        assertThatThrownBy(() -> sqlspec.transaction("analytics", db -> db.select("SELECT '{}'::JSON ?? 'a'")))
                .isInstanceOf(SqlParameterException.class).hasMessageContaining("DuckDB has no '?' operator");
    }

    @Test
    void duckDbTypesMapToJavaTypes() {
        Types types = sqlspec.transaction("analytics", db -> db.selectOne(Types.class, """
                SELECT 7::INTEGER AS i, 9000000000::BIGINT AS l, 12.34::DECIMAL(10, 2) AS d, 0.5::DOUBLE AS f,
                       true AS b, DATE '2026-12-03' AS day, TIMESTAMP '2026-12-03 10:15:30' AS at,
                       '5a7d3a52-5b4c-4bd0-9a55-3f3c1bb0d7c1'::UUID AS u, [1, 2, 3] AS numbers,
                       {'kind': 'click', 'count': 2} AS struct, MAP {'a': 1} AS map
                """));
        assertThat(types).isEqualTo(new Types(7, 9_000_000_000L, new BigDecimal("12.34"), 0.5, true,
                LocalDate.of(2026, 12, 3), LocalDateTime.of(2026, 12, 3, 10, 15, 30),
                UUID.fromString("5a7d3a52-5b4c-4bd0-9a55-3f3c1bb0d7c1"), List.of(1, 2, 3),
                Map.of("kind", "click", "count", 2), Map.of("a", 1)));
    }

    @Test
    void batchesScriptsAndRecordsBoundByName() throws Exception {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int n = 0; n < 1000; n++) {
            rows.add(Map.of("kind", "batch", "amount", new BigDecimal(n)));
        }
        long inserted = sqlspec.transaction("analytics",
                db -> db.executeMany("INSERT INTO events (kind, amount) VALUES (:kind, :amount)", rows));
        assertThat(inserted).isEqualTo(1000);
        assertThat(count("kind = 'batch'")).isEqualTo(1000);

        sqlspec.inTransaction("analytics", db -> db.executeScript("""
                INSERT INTO events (kind, tags) VALUES ('script', ['a', 'b']);
                UPDATE events SET amount = 2 WHERE kind = 'script';
                """));
        Event event = sqlspec.transaction("analytics",
                db -> db.selectOne(Event.class, "SELECT * FROM events WHERE kind = 'script'"));
        assertThat(event.tags()).containsExactly("a", "b");
        assertThat(event.amount()).isEqualByComparingTo("2");
        assertThat(event.createdAt()).isNotNull();
    }

    @Test
    void javaValuesBindToDuckDbTypes() {
        Instant at = Instant.parse("2026-12-03T10:15:30Z");
        Map<String, Object> row = sqlspec.transaction("analytics", db -> db.selectOne("""
                SELECT ?::TIMESTAMPTZ = TIMESTAMPTZ '2026-12-03 10:15:30+00' AS same_instant,
                       list_contains(?::VARCHAR[], 'b') AS has_b, len(?::INTEGER[]) AS numbers,
                       json_extract_string(?::JSON, '$.kind') AS kind
                """, at, List.of("a", "b"), new int[] { 1, 2, 3 }, Map.of("kind", "click")));
        assertThat(row).containsEntry("same_instant", true).containsEntry("has_b", true)
                .containsEntry("numbers", 3L).containsEntry("kind", "click");
    }

    @Test
    void savepointsFailWithAMessageThatSaysWhy() throws Exception {
        assertThatThrownBy(() -> sqlspec.inTransaction("analytics", db -> {
            db.execute("INSERT INTO events (kind) VALUES ('before-savepoint')");
            db.savepoint("s1");
        })).isInstanceOf(SqlSpecException.class)
                .hasMessageContaining("datasource 'analytics' is a DuckDB database, and its JDBC driver has no"
                        + " savepoints");
        assertThat(count("kind = 'before-savepoint'")).isZero();
    }

    @Test
    void databaseErrorsAnswerWithTheStatusesAndSqlStatesOfPostgreSql() throws Exception {
        given().post("/events/with-id/1000001/2.50").then().statusCode(200);
        given().post("/events/with-id/1000001/3.50").then().statusCode(409)
                .body("sqlState", equalTo("23505"));
        given().post("/events/with-id/1000002/abc").then().statusCode(422)
                .body("sqlState", equalTo("22018"));
        assertThat(count("kind = 'with-id'")).isEqualTo(1);
    }

    @Test
    void aTransactionThatCarriedOnAfterAFailedStatementIsNotReportedAsSaved() throws Exception {
        given().post("/events/swallowing-an-error/2000001").then().statusCode(500)
                .body("sqlState", equalTo("25P02"));
        assertThat(count("kind = 'swallowed'")).isZero();
    }
}
