package io.quarkiverse.sqlspec.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Maven project run with {@code ./mvnw quarkus:dev} as a user does, on a free port of 127.0.0.1, for tests of what
 * only dev mode has (the Dev UI, the Dev Services log). Closing it stops Maven, the application and the embedded
 * PostgreSQL its Dev Services started.
 */
final class DevModeApp implements AutoCloseable {

    /** The line the extension's Dev Services log when the embedded PostgreSQL is up. */
    static final Pattern EMBEDDED_POSTGRES_STARTED = Pattern
            .compile("Embedded PostgreSQL [\\d.]+ started on 127\\.0\\.0\\.1:(\\d+) in \\d+ ms \\(no container runtime needed\\)");

    static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();

    final Process maven;
    final int port;
    final Path log;

    private DevModeApp(Process maven, int port, Path log) {
        this.maven = maven;
        this.port = port;
        this.log = log;
    }

    /** Starts dev mode in {@code project} and waits until the application answers HTTP (at most 5 minutes). */
    static DevModeApp start(Path project, Path log) throws Exception {
        int port = PackagedApp.freePort();
        List<String> command = new ArrayList<>(List.of(REPOSITORY.resolve("mvnw").toString(), "-B", "-ntp",
                "quarkus:dev", "-Dquarkus.http.port=" + port, "-Dquarkus.http.host=127.0.0.1",
                "-Dquarkus.analytics.disabled=true", "-Ddebug=false",
                // the Dev UI offers extensions from registry.quarkus.io, which tests must not reach
                "-DquarkusRegistryClient=false"));
        Files.createDirectories(log.getParent());
        Process maven = new ProcessBuilder(command).directory(project.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        DevModeApp app = new DevModeApp(maven, port, log);
        try {
            app.awaitUp();
        } catch (Throwable notUp) {
            app.close();
            throw notUp;
        }
        return app;
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    int status(String path) throws Exception {
        return PackagedApp.HTTP.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    String log() throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }

    private void awaitUp() throws Exception {
        // the first dev-mode start of a project may compile it and resolve its dev-mode dependencies
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (System.nanoTime() < deadline) {
            assertThat(maven.isAlive()).as("dev mode runs (see %s)", log).isTrue();
            try {
                // 503 while dev mode is still starting the application
                if (status("/") != 503) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError("dev mode did not start in 5 minutes (see " + log + ")");
    }

    /**
     * Stops the whole process tree: a polite SIGTERM first, so that the application stops its Dev Services (the
     * embedded PostgreSQL), then whatever is left is killed.
     */
    @Override
    public void close() throws Exception {
        List<ProcessHandle> tree = new ArrayList<>(maven.descendants().toList());
        tree.add(maven.toHandle());
        tree.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        for (ProcessHandle process : tree) {
            long left = deadline - System.nanoTime();
            if (left > 0) {
                process.onExit().completeOnTimeout(process, left, TimeUnit.NANOSECONDS).join();
            }
        }
        for (ProcessHandle process : tree) {
            if (process.isAlive()) {
                process.destroyForcibly();
                process.onExit().completeOnTimeout(process, 10, TimeUnit.SECONDS).join();
            }
        }
        assertThat(tree.stream().filter(ProcessHandle::isAlive)).as("no process of dev mode left").isEmpty();
        // PostgreSQL detaches from the process that starts it: the application must have stopped it
        Matcher started = EMBEDDED_POSTGRES_STARTED.matcher(log());
        while (started.find()) {
            int postgresPort = Integer.parseInt(started.group(1));
            assertThat(accepts(postgresPort)).as("the embedded PostgreSQL on port %d was stopped", postgresPort)
                    .isFalse();
        }
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }
}
