package io.quarkiverse.sqlspec.test.devui;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkiverse.sqlspec.test.FreePort;
import io.quarkus.devui.tests.DevUIJsonRPCTest;
import io.quarkus.test.QuarkusDevModeTest;

/**
 * The Dev UI's JSON-RPC methods in dev mode, on the Dev Services PostgreSQL, driven by real HTTP requests.
 */
class DevUiJsonRpcTest {

    static final int PORT = FreePort.pick();

    @RegisterExtension
    static final QuarkusDevModeTest dev = new QuarkusDevModeTest()
            .withApplicationRoot(jar -> jar.addClasses(DevUiProbeResource.class, FreePort.class)
                    .addAsResource(new StringAsset("quarkus.http.port=" + PORT + "\n"
                            + "quarkus.datasource.db-kind=postgresql\n"
                            + "quarkus.sqlspec.http-session.enabled=true\n"), "application.properties")
                    .addAsResource(new StringAsset("-- Description: the probe table\n-- name: migrate-0001-up\n"
                            + "CREATE TABLE probe (id int);\n-- name: migrate-0001-down\nDROP TABLE probe;\n"),
                            "db/migrations/0001_probe.sql"));

    final DevUIJsonRPCTest devUi = new DevUIJsonRPCTest("quarkus-sqlspec", "http://localhost:" + PORT);

    JsonNode call(String method, Map<String, Object> params) throws Exception {
        return devUi.executeJsonRPCMethod(method, params);
    }

    @Test
    void statementsShowUpWithTheirRequestsCorrelationId() throws Exception {
        given().port(PORT).header("X-Request-ID", "devui-statement").get("/devui-probe/7").then().statusCode(200);
        JsonNode statements = call("getStatements", Map.of("correlationId", "devui-statement", "dataSource", ""));
        assertThat(statements).hasSize(1);
        assertThat(statements.get(0).get("sql").asText()).isEqualTo("SELECT $1::int");
        assertThat(statements.get(0).get("dataSource").asText()).isEqualTo("<default>");
        assertThat(statements.get(0).get("rows").asLong()).isEqualTo(-1);
        assertThat(call("getStatementCache", Map.of()).get("misses").asLong()).isPositive();
    }

    @Test
    void poolFiguresFollowTheRequests() throws Exception {
        JsonNode idle = call("getDataSources", Map.of()).get(0);
        assertThat(idle.get("name").asText()).isEqualTo("<default>");
        assertThat(idle.get("kind").asText()).isEqualTo("postgresql");
        assertThat(idle.get("devServices").asBoolean()).as("served by Dev Services").isTrue();
        assertThat(idle.get("server").asText()).startsWith("PostgreSQL 17.");
        assertThat(idle.get("commitMode").asText()).isEqualTo("autocommit");
        assertThat(idle.get("active").asBoolean()).isTrue();
        assertThat(idle.get("migrations").asInt()).isEqualTo(1);
        assertThat(idle.get("pool").get("max").asInt()).isPositive();

        CompletableFuture<String> held = CompletableFuture
                .supplyAsync(() -> given().port(PORT).get("/devui-probe/hold").body().asString());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (call("getDataSources", Map.of()).get(0).get("pool").get("active").asInt() < 1) {
            assertThat(System.nanoTime()).as("a connection shown active while the request holds it")
                    .isLessThan(deadline);
        }
        given().port(PORT).post("/devui-probe/release").then().statusCode(204);
        assertThat(held.get(30, TimeUnit.SECONDS)).isEqualTo("1");
        assertThat(call("getDataSources", Map.of()).get(0).get("pool").get("active").asInt()).isZero();
    }

    @Test
    void httpSessionsAreCountedAndPurged() throws Exception {
        given().port(PORT).post("/devui-probe/session").then().statusCode(200);
        JsonNode written = call("executeSql", Map.of("dataSource", "<default>", "allowWrite", true, "sql",
                "UPDATE sqlspec_sessions SET expires_at = now() - interval '1 minute'"));
        assertThat(written.has("error")).as("%s", written).isFalse();
        assertThat(written.get("rowsAffected").asLong()).isPositive();
        assertThat(call("getHttpSessions", Map.of()).get("expired").asLong()).isPositive();
        assertThat(call("purgeHttpSessions", Map.of()).get("deleted").asLong()).isPositive();
        assertThat(call("getHttpSessions", Map.of()).get("expired").asLong()).isZero();
    }

    @Test
    void migrationsAndTheirCommands() throws Exception {
        JsonNode migrations = call("getMigrations", Map.of()).get(0);
        assertThat(migrations.get("current").asText()).isEqualTo("0001");
        assertThat(migrations.get("applied").get(0).get("description").asText()).isEqualTo("the probe table");
        JsonNode downgrade = call("runMigrationCommand", Map.of("commandLine", "downgrade --datasource <default>"));
        assertThat(downgrade.get("exitCode").asInt()).isZero();
        assertThat(call("getMigrations", Map.of()).get(0).get("pending").get(0).get("version").asText())
                .isEqualTo("0001");
        assertThat(call("runMigrationCommand", Map.of("commandLine", "upgrade")).get("output").asText())
                .contains("applied 0001");
    }

    @Test
    void theSqlConsoleIsReadOnlyUnlessTold() throws Exception {
        JsonNode read = call("executeSql", Map.of("dataSource", "<default>", "allowWrite", false, "sql",
                "SELECT 1 AS one, 'two' AS two"));
        assertThat(read.get("columns").toString()).isEqualTo("[\"one\",\"two\"]");
        assertThat(read.get("rows").toString()).isEqualTo("[[1,\"two\"]]");
        JsonNode refused = call("executeSql", Map.of("dataSource", "<default>", "allowWrite", false, "sql",
                "INSERT INTO probe VALUES (1)"));
        assertThat(refused.get("error").asText()).contains("read-only");
        JsonNode many = call("executeSql", Map.of("dataSource", "<default>", "allowWrite", false, "sql",
                "SELECT generate_series(1, 500)"));
        assertThat(many.get("rows")).hasSize(200);
        assertThat(many.get("truncated").asBoolean()).isTrue();
        assertThat(call("getSummary", Map.of()).get("dataSources").asInt()).isEqualTo(1);
    }
}
