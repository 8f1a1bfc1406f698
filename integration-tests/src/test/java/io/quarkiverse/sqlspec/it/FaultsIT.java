package io.quarkiverse.sqlspec.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The packaged demo under the faults an operator meets: a small pool under concurrent logins, an exhausted pool, the
 * database stopped and restarted under load, two instances starting at the same instant on an empty database. Each
 * test runs the application as its own process against a PostgreSQL of its own, and prints its figures.
 */
class FaultsIT {

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** Logins hold their connection while PBKDF2 runs; with the session saved on it, five connections serve all. */
    @Test
    void fiftyConcurrentLoginsWithAPoolOfFive() throws Exception {
        try (EmbeddedPostgres postgres = PackagedApp.database();
                PackagedApp app = PackagedApp.start(postgres, "faults-logins",
                        "-Dquarkus.datasource.jdbc.max-size=5")) {
            List<HttpResponse<String>> responses = concurrently(50, () -> HTTP.send(
                    HttpRequest.newBuilder(app.uri("/login")).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"alice\",\"password\":\"secret\"}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString()));
            Map<Integer, Integer> statuses = countStatuses(responses);
            System.out.printf("faults: 50 concurrent logins, pool of 5: %s%n", statuses);
            assertThat(statuses).containsExactly(Map.entry(200, 50));
            List<String> cookies = responses.stream().map(r -> r.headers().firstValue("Set-Cookie").orElseThrow())
                    .map(header -> header.substring(header.indexOf('=') + 1, header.indexOf(';'))).toList();
            assertThat(cookies).doesNotHaveDuplicates();
            try (Connection connection = postgres.getPostgresDatabase().getConnection();
                    Statement statement = connection.createStatement();
                    var rs = statement.executeQuery("SELECT session_id FROM sqlspec_sessions")) {
                List<String> stored = new ArrayList<>();
                while (rs.next()) {
                    stored.add(rs.getString(1));
                }
                assertThat(stored).hasSize(50).doesNotContainAnyElementsOf(cookies);
            }
        }
    }

    /** Requests that cannot get a connection in time get 503 with Retry-After, and the pool recovers. */
    @Test
    void anExhaustedPoolAnswers503WithinTheAcquisitionTimeoutAndRecovers() throws Exception {
        try (EmbeddedPostgres postgres = PackagedApp.database();
                PackagedApp app = PackagedApp.start(postgres, "faults-pool", "-Dquarkus.datasource.jdbc.max-size=2",
                        "-Dquarkus.datasource.jdbc.acquisition-timeout=1S");
                Connection locker = postgres.getPostgresDatabase().getConnection();
                Statement lock = locker.createStatement()) {
            // every GET /users now waits for the lock, holding its pooled connection
            locker.setAutoCommit(false);
            lock.execute("LOCK TABLE users IN ACCESS EXCLUSIVE MODE");
            List<Future<HttpResponse<String>>> holders = new ArrayList<>();
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                for (int i = 0; i < 2; i++) {
                    holders.add(pool.submit(() -> get(app, "/users", Duration.ofSeconds(30))));
                }
                awaitWaitingOnLock(postgres, 2);
                long started = System.nanoTime();
                List<HttpResponse<String>> refused = concurrently(6, () -> get(app, "/users", Duration.ofSeconds(10)));
                long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
                System.out.printf("faults: exhausted pool (2 held): %s in %d ms%n", countStatuses(refused), tookMillis);
                assertThat(refused).allSatisfy(response -> {
                    assertThat(response.statusCode()).isEqualTo(503);
                    assertThat(response.headers().firstValue("Retry-After")).hasValue("1");
                    assertThat(response.body()).contains("\"status\":503").doesNotContain("Exception");
                });
                assertThat(tookMillis).as("answered within the acquisition timeout + 1 s").isLessThan(2_000);
                locker.commit(); // the lock goes, the held requests finish
                for (Future<HttpResponse<String>> holder : holders) {
                    assertThat(holder.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
                }
                assertThat(get(app, "/users", Duration.ofSeconds(5)).statusCode()).isEqualTo(200);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    /**
     * PostgreSQL stopped for 5 s under load and started again: requests fail fast with 503 while it is down (never
     * 500, never slower than the acquisition timeout + 1 s), and the application serves again without a restart.
     */
    @Test
    void aDatabaseOutageUnderLoadAnswers503AndRecovers() throws Exception {
        Path data = Files.createTempDirectory(Path.of("target"), "faults-outage-pg");
        int port = PackagedApp.freePort();
        EmbeddedPostgres postgres = PackagedApp.database(data, port);
        try (PackagedApp app = PackagedApp.start(postgres, "faults-outage",
                "-Dquarkus.datasource.jdbc.acquisition-timeout=2S")) {
            String cookie = HTTP.send(HttpRequest.newBuilder(app.uri("/login")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"alice\",\"password\":\"secret\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString()).headers().firstValue("Set-Cookie").orElseThrow();
            String session = cookie.substring(0, cookie.indexOf(';'));
            AtomicBoolean running = new AtomicBoolean(true);
            ConcurrentLinkedQueue<long[]> outcomes = new ConcurrentLinkedQueue<>(); // {sent at ms, status, millis}
            ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
            long origin = System.nanoTime();
            ExecutorService load = Executors.newFixedThreadPool(8);
            for (int worker = 0; worker < 8; worker++) {
                int id = worker;
                load.submit(() -> {
                    int n = 0;
                    while (running.get()) {
                        long sent = System.nanoTime();
                        try {
                            // reads, writes, and a logged-in user's profile (the session is loaded from the database)
                            HttpResponse<String> response = switch (n++ % 3) {
                                case 0 -> get(app, "/users", Duration.ofSeconds(10));
                                case 1 -> postUser(app, "outage-" + id + "-" + n);
                                default -> HTTP.send(HttpRequest.newBuilder(app.uri("/profile"))
                                        .timeout(Duration.ofSeconds(10)).header("Cookie", session).build(),
                                        HttpResponse.BodyHandlers.ofString());
                            };
                            if (response.statusCode() == 503 && response.headers().firstValue("Retry-After").isEmpty()) {
                                failures.add("503 without Retry-After");
                            }
                            outcomes.add(new long[] { TimeUnit.NANOSECONDS.toMillis(sent - origin), response.statusCode(),
                                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sent) });
                        } catch (Exception e) {
                            failures.add(e.toString());
                        }
                    }
                    return null;
                });
            }
            Thread.sleep(1_500); // load before the outage
            long stoppedAt = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - origin);
            postgres.close();
            Thread.sleep(5_000); // the outage
            postgres = PackagedApp.database(data, port);
            long restartedAt = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - origin);
            long recoveredAt = awaitRecovery(outcomes, restartedAt, 30_000);
            Thread.sleep(1_000); // load after recovery
            running.set(false);
            load.shutdown();
            assertThat(load.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

            Map<Integer, Integer> statuses = new TreeMap<>();
            long slowest = 0;
            for (long[] outcome : outcomes) {
                statuses.merge((int) outcome[1], 1, Integer::sum);
                slowest = Math.max(slowest, outcome[2]);
            }
            System.out.printf("faults: outage of 5 s under load (8 workers): %s, slowest %d ms, first 200 %d ms after"
                    + " the restart (stopped at %d ms)%n", statuses, slowest, recoveredAt - restartedAt, stoppedAt);
            assertThat(failures).as("transport failures and 503s without Retry-After").isEmpty();
            assertThat(statuses.keySet()).as("only successes and 503s").isSubsetOf(200, 503);
            assertThat(statuses.get(503)).as("the outage was seen").isPositive();
            assertThat(slowest).as("no response slower than the acquisition timeout + 1 s").isLessThan(3_000);
            assertThat(recoveredAt).as("served again without a restart").isGreaterThan(0);
        } finally {
            postgres.close();
        }
    }

    /** Rolling deployments start replicas together: both create (or find) the schema, and both serve. */
    @Test
    void twoInstancesStartingTogetherOnAnEmptyDatabaseBothServe() throws Exception {
        for (int round = 1; round <= 3; round++) {
            try (EmbeddedPostgres postgres = PackagedApp.database()) {
                int currentRound = round;
                List<PackagedApp> apps = concurrently(2, () -> PackagedApp.start(postgres,
                        "faults-twins-" + currentRound + "-" + Thread.currentThread().getId()));
                try {
                    for (PackagedApp app : apps) {
                        assertThat(get(app, "/users", Duration.ofSeconds(5)).statusCode()).isEqualTo(200);
                    }
                } finally {
                    apps.forEach(PackagedApp::close);
                }
            }
        }
        System.out.println("faults: two instances started together on an empty database, 3 of 3 rounds serve");
    }

    static HttpResponse<String> get(PackagedApp app, String path, Duration timeout) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(app.uri(path)).timeout(timeout).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> postUser(PackagedApp app, String name) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(app.uri("/users")).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"name\":\"" + name + "\",\"email\":\"" + name + "@example.com\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Runs {@code count} calls at the same instant and returns their results in order. */
    static <T> List<T> concurrently(int count, Callable<T> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(count);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(120, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    static Map<Integer, Integer> countStatuses(List<HttpResponse<String>> responses) {
        Map<Integer, Integer> statuses = new TreeMap<>();
        responses.forEach(response -> statuses.merge(response.statusCode(), 1, Integer::sum));
        return statuses;
    }

    static void awaitWaitingOnLock(EmbeddedPostgres postgres, int backends) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            try (Connection connection = postgres.getPostgresDatabase().getConnection();
                    Statement statement = connection.createStatement();
                    var rs = statement.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'")) {
                rs.next();
                if (rs.getInt(1) >= backends) {
                    return;
                }
            }
            assertThat(System.nanoTime()).as("%d requests waiting on the lock", backends).isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    /** The time (ms since the load began) of the first 200 to a request sent after {@code since}, polling. */
    static long awaitRecovery(ConcurrentLinkedQueue<long[]> outcomes, long since, long timeoutMillis)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (System.nanoTime() < deadline) {
            long first = outcomes.stream().filter(o -> o[0] >= since && o[1] == 200).mapToLong(o -> o[0] + o[2])
                    .min().orElse(-1);
            if (first >= 0) {
                return first;
            }
            Thread.sleep(50);
        }
        return -1;
    }
}
