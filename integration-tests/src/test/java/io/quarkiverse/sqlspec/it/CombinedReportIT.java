package io.quarkiverse.sqlspec.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The packaged demo on a real PostgreSQL and a DuckDB file, both given by environment variables: the migrations of
 * both run at start, and {@code GET /combined-report} answers from both databases in one request.
 */
class CombinedReportIT {

    @Test
    void thePackagedDemoReportsFromPostgreSqlAndDuckDb() throws Exception {
        Path analytics = PackagedApp.duckDbFile("combined-report");
        try (EmbeddedPostgres postgres = PackagedApp.database()) {
            try (PackagedApp app = PackagedApp.start(postgres, analytics, "combined-report")) {
                assertThat(FaultsIT.postUser(app, "ada").statusCode()).isEqualTo(200);
                HttpResponse<String> report = FaultsIT.get(app, "/combined-report", Duration.ofSeconds(10));
                assertThat(report.statusCode()).isEqualTo(200);
                assertThat(report.body()).isEqualTo("{\"users\":1,\"events\":42}");
            }
            // the application has stopped, so the file can be opened here: the events came from its migrations
            assertThat(DatabaseCommandsIT.duckDbCount(analytics, "SELECT count(*) FROM events")).isEqualTo(42);
            assertThat(DatabaseCommandsIT.count(postgres, "postgres", "SELECT count(*) FROM users WHERE name = 'ada'"))
                    .isEqualTo(1);
            System.out.println("combined report: packaged demo on PostgreSQL + DuckDB file from environment variables: "
                    + "users 1, events 42");
        }
    }

    /** In production a DuckDB datasource needs its URL: the start fails naming the property, as for PostgreSQL. */
    @Test
    void withoutTheDuckDbUrlThePackagedDemoDoesNotStart() throws Exception {
        try (EmbeddedPostgres postgres = PackagedApp.database()) {
            ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "-Dquarkus.http.port=0", "-Dquarkus.http.host=127.0.0.1", "-jar",
                    Path.of(System.getProperty("quarkus.app.dir", "target/quarkus-app")).resolve("quarkus-run.jar")
                            .toString()).redirectErrorStream(true);
            builder.environment().put("QUARKUS_DATASOURCE_JDBC_URL",
                    "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres");
            builder.environment().put("QUARKUS_DATASOURCE_USERNAME", "postgres");
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).as(output).isNotZero();
            assertThat(output).contains("quarkus.datasource.\"analytics\".jdbc.url");
        }
    }
}
