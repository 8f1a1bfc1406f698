package io.quarkiverse.sqlspec.test.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.agroal.api.AgroalDataSource;
import io.quarkiverse.sqlspec.test.DbChecks;
import io.quarkus.test.QuarkusUnitTest;
import io.quarkus.test.common.http.TestHTTPResource;

/**
 * After thousands of mixed requests (successes, 4xx, unmapped exceptions, SQL errors, unread results, async calls and
 * clients that hang up), the pool has no active connection and PostgreSQL no session left idle in a transaction.
 */
class NoLeaksTest {

    static final String[] KINDS = { "ok", "bad-request", "boom", "bad-sql", "unconsumed", "ok" };
    static final int REQUESTS = 3000;
    static final int ABORTED_CLIENTS = 40;

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(LeakResource.class, DbChecks.class))
            .overrideConfigKey("quarkus.datasource.db-kind", "postgresql")
            .overrideConfigKey("quarkus.datasource.jdbc.metrics.enabled", "true")
            .overrideConfigKey("quarkus.datasource.jdbc.max-size", "16");

    @Inject
    AgroalDataSource dataSource;

    @TestHTTPResource
    URI base;

    @Test
    void mixedTrafficLeavesNothingBehind() throws Exception {
        assertThat(dataSource.getConfiguration().metricsEnabled()).isTrue();
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        Semaphore inFlight = new Semaphore(8);
        List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            inFlight.acquire();
            HttpRequest request = i % 10 == 9
                    ? HttpRequest.newBuilder(base.resolve("/leak/async/" + i)).GET().build()
                    : HttpRequest.newBuilder(base.resolve("/leak/" + KINDS[i % KINDS.length] + "/" + i))
                            .POST(HttpRequest.BodyPublishers.noBody()).build();
            responses.add(client.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                    .whenComplete((r, e) -> inFlight.release()));
            if (i % 75 == 0) {
                hangUpDuringASlowRequest(i);
            }
        }
        for (CompletableFuture<HttpResponse<String>> response : responses) {
            assertThat(response.get().statusCode()).isIn(200, 400, 404, 500);
        }

        awaitQuiet();
        assertThat(dataSource.getMetrics().activeCount()).isZero();
        assertThat(DbChecks.count(dataSource,
                "SELECT count(*) FROM pg_stat_activity WHERE state LIKE 'idle in transaction%'")).isZero();
        assertThat(DbChecks.count(dataSource,
                "SELECT count(*) FROM leak_marks WHERE kind IN ('bad-request', 'boom', 'bad-sql')")).isZero();
        assertThat(DbChecks.count(dataSource,
                "SELECT count(*) FROM leak_marks WHERE kind IN ('ok', 'unconsumed')")).isEqualTo(
                        expectedCommitted());
    }

    private void hangUpDuringASlowRequest(int n) throws Exception {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /leak/slow/" + n + " HTTP/1.1\r\nHost: localhost\r\nContent-Length: 0\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }
    }

    /** Bounded polling for the asynchronous end of requests whose clients hung up: no fixed sleep. */
    private void awaitQuiet() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline && (dataSource.getMetrics().activeCount() > 0 || DbChecks
                .count(dataSource, "SELECT count(*) FROM pg_stat_activity WHERE state LIKE 'idle in transaction%'") > 0)) {
            Thread.onSpinWait();
            Thread.sleep(20);
        }
    }

    private static long expectedCommitted() {
        long committed = 0;
        for (int i = 0; i < REQUESTS; i++) {
            String kind = KINDS[i % KINDS.length];
            if (i % 10 != 9 && (kind.equals("ok") || kind.equals("unconsumed"))) {
                committed++;
            }
        }
        return committed;
    }
}
