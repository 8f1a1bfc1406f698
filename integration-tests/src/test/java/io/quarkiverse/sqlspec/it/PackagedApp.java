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
import java.nio.file.Files;
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

    /** A PostgreSQL for packaged applications (the analytics database is a DuckDB file per process). */
    static EmbeddedPostgres database() throws Exception {
        return EmbeddedPostgres.builder().setServerConfig("listen_addresses", "127.0.0.1").start();
    }

    /**
     * A PostgreSQL whose data outlives it in {@code data} on a fixed port: calling this again with the same arguments
     * after {@code close()} restarts the same server (a database outage and its end).
     */
    static EmbeddedPostgres database(Path data, int port) throws Exception {
        return EmbeddedPostgres.builder().setServerConfig("listen_addresses", "127.0.0.1")
                .setDataDirectory(data).setCleanDataDirectory(false).setPort(port).start();
    }

    /**
     * A new DuckDB file for the analytics datasource of one process: a DuckDB file is open in one process at a time,
     * so every instance of the packaged application has its own.
     */
    static Path duckDbFile(String name) throws IOException {
        Path file = Path.of("target", "packaged-duckdb", name + ".duckdb").toAbsolutePath();
        Files.createDirectories(file.getParent());
        Files.deleteIfExists(file);
        Files.deleteIfExists(file.resolveSibling(name + ".duckdb.wal"));
        return file;
    }

    static PackagedApp start(EmbeddedPostgres postgres, String name, String... extraProperties) throws Exception {
        return start(postgres, duckDbFile(name), name, extraProperties);
    }

    /** The packaged application with its two databases given by environment variables, as an operator would. */
    static PackagedApp start(EmbeddedPostgres postgres, Path analytics, String name, String... extraProperties)
            throws Exception {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dquarkus.http.port=" + port,
                "-Dquarkus.http.host=127.0.0.1"));
        command.addAll(List.of(extraProperties));
        command.addAll(List.of("-jar", Path.of(System.getProperty("quarkus.app.dir", "target/quarkus-app"))
                .resolve("quarkus-run.jar").toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(new File("target/" + name + ".log"));
        databasesInto(builder.environment(), postgres, analytics);
        PackagedApp app = new PackagedApp(builder.start(), port);
        app.awaitUp(name);
        return app;
    }

    private static void databasesInto(Map<String, String> environment, EmbeddedPostgres postgres, Path analytics) {
        environment.put("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres");
        environment.put("QUARKUS_DATASOURCE_USERNAME", "postgres");
        environment.put("QUARKUS_DATASOURCE_ANALYTICS_JDBC_URL", "jdbc:duckdb:" + analytics);
    }

    /** What a database command printed, and its exit code. */
    record CommandRun(int exitCode, String output) {
    }

    /**
     * Runs a database command ({@code quarkus.sqlspec.cli}) with the packaged application, its database given only by
     * environment variables, as an operator would from a terminal.
     */
    static CommandRun command(EmbeddedPostgres postgres, Path analytics, String commandLine) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dquarkus.log.console.stderr=true", "-jar",
                Path.of(System.getProperty("quarkus.app.dir", "target/quarkus-app")).resolve("quarkus-run.jar")
                        .toString());
        builder.environment().put("QUARKUS_SQLSPEC_CLI", commandLine);
        databasesInto(builder.environment(), postgres, analytics);
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
