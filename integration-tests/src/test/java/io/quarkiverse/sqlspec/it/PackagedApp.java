package io.quarkiverse.sqlspec.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The packaged demo application ({@code target/quarkus-app}) started as its own process against a given PostgreSQL,
 * for tests that need a real process: signals, several instances.
 */
final class PackagedApp implements AutoCloseable {

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    final Process process;
    final int port;

    private PackagedApp(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** A PostgreSQL for packaged applications: the {@code postgres} database and an {@code analytics} one. */
    static EmbeddedPostgres database() throws Exception {
        return withAnalytics(EmbeddedPostgres.builder().setServerConfig("listen_addresses", "127.0.0.1").start());
    }

    /**
     * A PostgreSQL whose data outlives it in {@code data} on a fixed port: calling this again with the same arguments
     * after {@code close()} restarts the same server (a database outage and its end).
     */
    static EmbeddedPostgres database(Path data, int port) throws Exception {
        return withAnalytics(EmbeddedPostgres.builder().setServerConfig("listen_addresses", "127.0.0.1")
                .setDataDirectory(data).setCleanDataDirectory(false).setPort(port).start());
    }

    private static EmbeddedPostgres withAnalytics(EmbeddedPostgres postgres) throws Exception {
        try (var connection = postgres.getPostgresDatabase().getConnection();
                var statement = connection.createStatement()) {
            statement.execute("SELECT 'CREATE DATABASE analytics' WHERE NOT EXISTS"
                    + " (SELECT FROM pg_database WHERE datname = 'analytics')");
            var rs = statement.getResultSet();
            if (rs.next()) {
                statement.execute(rs.getString(1));
            }
        }
        return postgres;
    }

    static PackagedApp start(EmbeddedPostgres postgres, String name, String... extraProperties) throws Exception {
        int port = freePort();
        String url = "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/";
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dquarkus.http.port=" + port,
                "-Dquarkus.http.host=127.0.0.1",
                "-Dquarkus.datasource.jdbc.url=" + url + "postgres",
                "-Dquarkus.datasource.username=postgres",
                "-Dquarkus.datasource.analytics.jdbc.url=" + url + "analytics",
                "-Dquarkus.datasource.analytics.username=postgres"));
        command.addAll(List.of(extraProperties));
        command.addAll(List.of("-jar", Path.of(System.getProperty("quarkus.app.dir", "target/quarkus-app"))
                .resolve("quarkus-run.jar").toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(new File("target/" + name + ".log")).start();
        PackagedApp app = new PackagedApp(process, port);
        app.awaitUp(name);
        return app;
    }

    /** What a database command printed, and its exit code. */
    record CommandRun(int exitCode, String output) {
    }

    /**
     * Runs a database command ({@code quarkus.sqlspec.cli}) with the packaged application, its database given only by
     * environment variables, as an operator would from a terminal.
     */
    static CommandRun command(EmbeddedPostgres postgres, String commandLine) throws Exception {
        String url = "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/";
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dquarkus.log.console.stderr=true", "-jar",
                Path.of(System.getProperty("quarkus.app.dir", "target/quarkus-app")).resolve("quarkus-run.jar")
                        .toString());
        Map<String, String> environment = builder.environment();
        environment.put("QUARKUS_SQLSPEC_CLI", commandLine);
        environment.put("QUARKUS_DATASOURCE_JDBC_URL", url + "postgres");
        environment.put("QUARKUS_DATASOURCE_USERNAME", "postgres");
        environment.put("QUARKUS_DATASOURCE_ANALYTICS_JDBC_URL", url + "analytics");
        environment.put("QUARKUS_DATASOURCE_ANALYTICS_USERNAME", "postgres");
        Process process = builder.redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("'%s' ended", commandLine).isTrue();
        return new CommandRun(process.exitValue(), output);
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private void awaitUp(String name) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            assertThat(process.isAlive()).as("%s started (see target/%s.log)", name, name).isTrue();
            try {
                if (HTTP.send(HttpRequest.newBuilder(uri("/status")).build(), HttpResponse.BodyHandlers.ofString())
                        .statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new AssertionError(name + " did not start in 60 s");
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }
}
