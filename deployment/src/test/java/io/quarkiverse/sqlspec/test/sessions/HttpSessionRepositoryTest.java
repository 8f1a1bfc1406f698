package io.quarkiverse.sqlspec.test.sessions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.agroal.api.AgroalDataSource;
import io.quarkiverse.sqlspec.HttpSessionStore;
import io.quarkiverse.sqlspec.SqlSpec;
import io.quarkiverse.sqlspec.runtime.httpsession.HttpSessionRepository;
import io.quarkiverse.sqlspec.runtime.httpsession.HttpSessionRepository.StoredSession;
import io.quarkiverse.sqlspec.runtime.httpsession.HttpSessionTable;
import io.quarkiverse.sqlspec.runtime.httpsession.HttpSessionTooLargeException;
import io.quarkiverse.sqlspec.test.DbChecks;
import io.quarkus.test.QuarkusUnitTest;
import io.vertx.core.json.JsonObject;

/**
 * The session table's statements against the Dev Services PostgreSQL. Expiry is always judged by the database clock;
 * outcomes are read from a connection of the test's own.
 */
class HttpSessionRepositoryTest {

    static final int LIMIT = 64 * 1024;

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClass(DbChecks.class))
            .overrideConfigKey("quarkus.datasource.db-kind", "postgresql")
            .overrideConfigKey("quarkus.sqlspec.http-session.enabled", "true");

    @Inject
    SqlSpec sqlspec;

    @Inject
    HttpSessionStore store;

    @Inject
    AgroalDataSource dataSource;

    HttpSessionTable table = HttpSessionTable.named("sqlspec_sessions", "quarkus.sqlspec.http-session.table");

    <T> T inTransaction(Function<HttpSessionRepository, T> work) {
        HttpSessionRepository repository = new HttpSessionRepository(sqlspec.session(), table, LIMIT,
                Duration.ofHours(8));
        return sqlspec.transaction(db -> work.apply(repository));
    }

    Optional<StoredSession> get(String key) {
        return inTransaction(r -> r.get(key));
    }

    boolean insert(String key, String json) {
        return inTransaction(r -> r.insertNew(key, json, Duration.ofMinutes(1)));
    }

    boolean renew(String key, Duration ttl) {
        return inTransaction(r -> r.renew(key, ttl));
    }

    @BeforeEach
    void empty() {
        store.deleteAll();
    }

    @Test
    void roundTripKeepsJsonReadableWithSql() throws Exception {
        inTransaction(r -> r.insertNew("k1", new JsonObject().put("user_id", 42).encode(), Duration.ofMinutes(30)));
        JsonObject data = new JsonObject(get("k1").orElseThrow().data());
        assertThat(data.getInteger("user_id")).isEqualTo(42);
        assertThat(query("SELECT data->>'user_id' FROM sqlspec_sessions WHERE session_id = 'k1'")).isEqualTo("42");
    }

    @Test
    void missingAndDeletedSessionsAreEmpty() throws Exception {
        assertThat(get("nope")).isEmpty();
        inTransaction(r -> r.insertNew("k2", "{}", Duration.ofMinutes(1)));
        inTransaction(r -> {
            r.delete("k2");
            r.delete("never-there"); // a missing one is no error
            return null;
        });
        assertThat(get("k2")).isEmpty();
        assertThat(query("SELECT count(*) FROM sqlspec_sessions")).isEqualTo("0");
    }

    @Test
    void expiryIsJudgedByTheDatabaseClock() throws Exception {
        inTransaction(r -> r.insertNew("short", "{}", Duration.ofMinutes(1)));
        Duration left = get("short").orElseThrow().expiresIn();
        assertThat(left).isLessThanOrEqualTo(Duration.ofMinutes(1)).isGreaterThan(Duration.ofSeconds(55));
        update("UPDATE sqlspec_sessions SET expires_at = now() - interval '1 millisecond' WHERE session_id = 'short'");
        assertThat(get("short")).as("expired, hidden without any purge").isEmpty();
        assertThat(query("SELECT count(*) FROM sqlspec_sessions WHERE session_id = 'short'")).isEqualTo("1");
    }

    @Test
    void renewMovesTheExpiryOfLiveSessionsOnly() throws Exception {
        inTransaction(r -> r.insertNew("r", "{}", Duration.ofSeconds(5)));
        assertThat(renew("r", Duration.ofMinutes(10))).isTrue();
        assertThat(get("r").orElseThrow().expiresIn()).isGreaterThan(Duration.ofMinutes(9));

        inTransaction(r -> r.insertNew("gone", "{}", Duration.ofMinutes(1)));
        update("UPDATE sqlspec_sessions SET expires_at = now() - interval '1 second' WHERE session_id = 'gone'");
        assertThat(renew("gone", Duration.ofMinutes(10))).as("an expired session is not revived")
                .isFalse();
        assertThat(get("gone")).isEmpty();
    }

    @Test
    void aDeletedSessionIsNotResurrectedByALaterSave() {
        assertThat(insert("n", "{\"a\":1}")).isTrue();
        assertThat(insert("n", "{\"a\":2}")).as("keys are never reused").isFalse();
        inTransaction(r -> {
            r.delete("n"); // a logout in another request
            return null;
        });
        assertThat(this.<Boolean> inTransaction(r -> r.updateLive("n", "{\"a\":3}", Duration.ofMinutes(1)))).isFalse();
        assertThat(get("n")).isEmpty();
    }

    @Test
    void absoluteTimeoutHidesOldSessionsHoweverActive() throws Exception {
        inTransaction(r -> r.insertNew("old", "{}", Duration.ofMinutes(30)));
        update("UPDATE sqlspec_sessions SET created_at = now() - interval '9 hours' WHERE session_id = 'old'");
        assertThat(get("old")).isEmpty();
        assertThat(renew("old", Duration.ofMinutes(30))).isFalse();
    }

    @Test
    void payloadOverTheLimitIsRefusedAndNothingIsStored() throws Exception {
        String big = new JsonObject().put("blob", "x".repeat(LIMIT)).encode();
        assertThatThrownBy(() -> inTransaction(r -> r.insertNew("big", big, Duration.ofMinutes(1))))
                .isInstanceOf(HttpSessionTooLargeException.class)
                .hasMessageContaining("quarkus.sqlspec.http-session.max-size");
        assertThat(query("SELECT count(*) FROM sqlspec_sessions")).isEqualTo("0");
    }

    @Test
    void thePurgeDeletesExpiredSessionsOnlyInBatches() throws Exception {
        for (String key : List.of("a", "b", "c", "d")) {
            inTransaction(r -> r.insertNew(key, "{}", Duration.ofMinutes(1)));
        }
        update("UPDATE sqlspec_sessions SET expires_at = now() - interval '1 second' WHERE session_id IN ('b', 'c', 'd')");
        assertThat(this.<Long> inTransaction(r -> r.deleteExpiredBatch(2))).isEqualTo(2);
        assertThat(store.deleteExpired()).isEqualTo(1);
        assertThat(query("SELECT string_agg(session_id, ',') FROM sqlspec_sessions")).isEqualTo("a");
        assertThat(store.deleteExpired()).isZero();
    }

    @Test
    void onlyOneInstancePurgesAtATime() throws Exception {
        inTransaction(r -> r.insertNew("expired", "{}", Duration.ofMinutes(1)));
        update("UPDATE sqlspec_sessions SET expires_at = now() - interval '1 second'");
        try (Connection other = dataSource.getConnection(); Statement statement = other.createStatement()) {
            other.setAutoCommit(false);
            statement.execute("SELECT pg_advisory_xact_lock(hashtext('sqlspec-sessions:sqlspec_sessions'))");
            assertThat(store.deleteExpired()).as("another instance holds the lock").isEqualTo(-1);
            other.commit();
        }
        assertThat(store.deleteExpired()).isEqualTo(1);
    }

    @Test
    void deleteAllLogsEveryoneOut() throws Exception {
        inTransaction(r -> r.insertNew("x", "{}", Duration.ofMinutes(1)));
        inTransaction(r -> r.insertNew("y", "{}", Duration.ofMinutes(1)));
        assertThat(store.deleteAll()).isEqualTo(2);
        assertThat(query("SELECT count(*) FROM sqlspec_sessions")).isEqualTo("0");
    }

    @Test
    void schemaIsTheDocumentedOne() throws Exception {
        assertThat(query("SELECT reloptions::text FROM pg_class WHERE relname = 'sqlspec_sessions'"))
                .contains("fillfactor=80");
        assertThat(query("SELECT indexdef FROM pg_indexes WHERE indexname = 'sqlspec_sessions_expires_at_idx'"))
                .contains("WHERE (expires_at IS NOT NULL)");
    }

    /** Rows written by versions that stored ids in clear keep working, and no longer hold a usable id. */
    @Test
    void idsStoredInClearAreReplacedByTheirHash() throws Exception {
        String legacyId = "L".repeat(43);
        update("INSERT INTO sqlspec_sessions (session_id, data, expires_at) VALUES ('" + legacyId
                + "', '{\"user_id\": 7}', now() + interval '10 minutes')");
        sqlspec.transaction(db -> {
            table.createOrComplete(db);
            return null;
        });
        String key = sha256Hex(legacyId);
        assertThat(query("SELECT string_agg(session_id, ',') FROM sqlspec_sessions")).isEqualTo(key);
        assertThat(get(key).orElseThrow().data()).contains("\"user_id\": 7");
    }

    /** Instances that start together on an empty database all create (or find) the table; none fails. */
    @Test
    void concurrentSchemaCreationNeverCollides() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (int round = 0; round < 5; round++) {
                HttpSessionTable fresh = HttpSessionTable.named("concurrent_sessions_" + round, "test");
                CountDownLatch start = new CountDownLatch(1);
                List<Future<?>> starts = new ArrayList<>();
                for (int instance = 0; instance < 4; instance++) {
                    starts.add(pool.submit(() -> {
                        start.await();
                        return sqlspec.transaction(db -> {
                            fresh.createOrComplete(db);
                            return null;
                        });
                    }));
                }
                start.countDown();
                for (Future<?> instance : starts) {
                    instance.get(); // rethrows a failure
                }
                assertThat(query("SELECT count(*) FROM pg_tables WHERE tablename = 'concurrent_sessions_" + round + "'"))
                        .isEqualTo("1");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    static String sha256Hex(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    String query(String sql) throws Exception {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    void update(String sql) throws Exception {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.executeUpdate();
        }
    }
}
