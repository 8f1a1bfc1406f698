package io.quarkiverse.sqlspec.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * SIGTERM while requests hold transactions: every request that can finish within {@code quarkus.shutdown.timeout}
 * gets its response and its commit; one still running at the deadline is rolled back; new requests are refused; the
 * process exits within the timeout. Runs the packaged application against a PostgreSQL of its own.
 */
class GracefulShutdownIT {

    static final int SLOW_REQUESTS = 6;
    static final int SHUTDOWN_TIMEOUT_SECONDS = 4;

    static EmbeddedPostgres postgres;
    static PackagedApp app;
    static HttpClient http = PackagedApp.HTTP;

    @BeforeAll
    static void start() throws Exception {
        postgres = PackagedApp.database();
        app = PackagedApp.start(postgres, "graceful-shutdown-app",
                "-Dquarkus.shutdown.timeout=" + SHUTDOWN_TIMEOUT_SECONDS + "s");
        // every post titled slow-* holds its transaction for a second, stuck-* for far longer than the timeout
        sql("""
                CREATE FUNCTION hold() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  IF NEW.title LIKE 'slow-%' THEN PERFORM pg_sleep(1); END IF;
                  IF NEW.title LIKE 'stuck-%' THEN PERFORM pg_sleep(30); END IF;
                  RETURN NEW;
                END $$;
                CREATE TRIGGER hold BEFORE INSERT ON posts FOR EACH ROW EXECUTE FUNCTION hold();
                """);
    }

    @AfterAll
    static void stop() throws IOException {
        if (app != null) {
            app.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void inFlightRequestsFinishAndCommitStuckOnesRollBack() throws Exception {
        List<CompletableFuture<HttpResponse<String>>> slow = new ArrayList<>();
        for (int i = 0; i < SLOW_REQUESTS; i++) {
            slow.add(post("{\"title\":\"slow-" + i + "\",\"content\":\"kept\"}"));
        }
        CompletableFuture<HttpResponse<String>> stuck = post("{\"title\":\"stuck-1\",\"content\":\"lost\"}");
        awaitSleepingBackends(SLOW_REQUESTS + 1);

        long sigterm = System.nanoTime();
        app.process.destroy(); // SIGTERM

        assertThat(awaitRefusal()).as("a new request during shutdown is refused").isTrue();
        for (CompletableFuture<HttpResponse<String>> response : slow) {
            assertThat(response.get(SHUTDOWN_TIMEOUT_SECONDS + 5, TimeUnit.SECONDS).statusCode()).isEqualTo(201);
        }
        assertThat(app.process.waitFor(SHUTDOWN_TIMEOUT_SECONDS + 10, TimeUnit.SECONDS)).as("exits within the timeout").isTrue();
        long exitedAfter = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sigterm);
        System.out.printf("graceful shutdown: exited %d ms after SIGTERM (timeout %d s)%n", exitedAfter,
                SHUTDOWN_TIMEOUT_SECONDS);

        assertThat(stuck).satisfiesAnyOf(
                future -> assertThat(future).isCompletedExceptionally(),
                future -> assertThat(future.get().statusCode()).isGreaterThanOrEqualTo(500));
        assertThat(count("SELECT count(*) FROM posts WHERE title LIKE 'slow-%'")).isEqualTo(SLOW_REQUESTS);
        assertThat(count("SELECT count(*) FROM posts WHERE title LIKE 'stuck-%'")).isZero();
    }

    private static CompletableFuture<HttpResponse<String>> post(String json) {
        return http.sendAsync(HttpRequest.newBuilder(app.uri("/posts"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A request sent after SIGTERM gets 503, or no connection once the server socket is closed. */
    private static boolean awaitRefusal() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(SHUTDOWN_TIMEOUT_SECONDS);
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        app.uri("/users")).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 503) {
                    return true;
                }
            } catch (ConnectException | java.net.http.HttpTimeoutException e) {
                return true;
            } catch (IOException e) {
                return true;
            }
            Thread.sleep(20);
        }
        return false;
    }

    private static void awaitSleepingBackends(int expected) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (count("SELECT count(*) FROM pg_stat_activity WHERE wait_event = 'PgSleep'") < expected) {
            assertThat(System.nanoTime()).as("%d requests holding transactions", expected).isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    private static long count(String query) throws Exception {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void sql(String script) throws Exception {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(script);
        }
    }

}
