package io.quarkiverse.sqlspec.runtime.httpsession;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.runtime.configuration.ConfigurationException;
import io.vertx.core.json.JsonObject;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The store's contract against a real PostgreSQL; expiry is always judged by the database clock.
 */
class HttpSessionRepositoryTest {

    static final int LIMIT = 64 * 1024;
    static EmbeddedPostgres postgres;
    static DataSource dataSource;
    static HttpSessionRepository store;

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.builder().setServerConfig("listen_addresses", "127.0.0.1").start();
        dataSource = postgres.getPostgresDatabase();
        HttpSessionTable table = HttpSessionTable.named("sqlspec_sessions", "quarkus.sqlspec.http-session.table");
        try (Connection connection = dataSource.getConnection()) {
            table.createOrComplete(connection);
            table.createOrComplete(connection); // idempotent
        }
        store = new HttpSessionRepository(dataSource, table, LIMIT);
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    @BeforeEach
    void empty() {
        store.deleteAll();
    }

    @Test
    void roundTripKeepsJsonReadableWithSql() throws Exception {
        store.set("s1", new JsonObject().put("user_id", 42).put("roles", new io.vertx.core.json.JsonArray().add("a"))
                .encode(), Duration.ofMinutes(30));
        JsonObject data = new JsonObject(store.get("s1").orElseThrow().data());
        assertThat(data.getInteger("user_id")).isEqualTo(42);
        assertThat(query("SELECT data->>'user_id' FROM sqlspec_sessions WHERE session_id = 's1'")).isEqualTo("42");
    }

    @Test
    void missingSessionIsEmpty() {
        assertThat(store.get("nope")).isEmpty();
        assertThat(store.exists("nope")).isFalse();
        assertThat(store.expiresIn("nope")).isEmpty();
    }

    @Test
    void stringDataIsStoredAsAJsonString() {
        store.set("s2", "\"just a string\"", Duration.ofMinutes(1));
        assertThat(store.get("s2").orElseThrow().data()).isEqualTo("\"just a string\"");
    }

    @Test
    void deleteThenExistsAndGetSeeNothing() {
        store.set("s3", "{}", Duration.ofMinutes(1));
        assertThat(store.exists("s3")).isTrue();
        store.delete("s3");
        assertThat(store.exists("s3")).isFalse();
        assertThat(store.get("s3")).isEmpty();
    }

    @Test
    void deletingAMissingSessionIsANoOp() {
        store.delete("never-there");
        assertThat(store.exists("never-there")).isFalse();
    }

    @Test
    void expiryIsJudgedByTheDatabaseClock() throws Exception {
        store.set("short", "{}", Duration.ofSeconds(1));
        assertThat(store.exists("short")).isTrue();
        // let the database clock pass the expiry: the store must hide the row without any purge
        query("SELECT pg_sleep(1.1)");
        assertThat(store.get("short")).isEmpty();
        assertThat(store.exists("short")).isFalse();
        assertThat(query("SELECT count(*) FROM sqlspec_sessions WHERE session_id = 'short'"))
                .as("expired but not yet deleted").isEqualTo("1");
    }

    @Test
    void sessionsWithoutTtlNeverExpire() throws Exception {
        store.set("forever", "{}", null);
        assertThat(store.get("forever").orElseThrow().expiresIn()).isEmpty();
        assertThat(query("SELECT expires_at IS NULL FROM sqlspec_sessions WHERE session_id = 'forever'"))
                .isEqualTo("t");
    }

    @Test
    void expiresInStaysWithinTheTtl() {
        store.set("ttl", "{}", Duration.ofSeconds(60));
        Duration left = store.expiresIn("ttl").orElseThrow();
        assertThat(left).isLessThanOrEqualTo(Duration.ofSeconds(60)).isGreaterThan(Duration.ofSeconds(55));
    }

    @Test
    void deleteExpiredRemovesOnlyExpiredRows() throws Exception {
        store.set("a", "{}", Duration.ofSeconds(60));
        store.set("b", "{}", Duration.ofSeconds(1));
        store.set("c", "{}", Duration.ofSeconds(1));
        store.set("d", "{}", null);
        query("SELECT pg_sleep(1.1)");
        assertThat(store.deleteExpired(1)).isEqualTo(2);
        assertThat(query("SELECT string_agg(session_id, ',' ORDER BY session_id) FROM sqlspec_sessions"))
                .isEqualTo("a,d");
        assertThat(store.deleteExpired(100)).isZero();
    }

    @Test
    void upsertReplacesValueAndExpiry() {
        store.set("u", "{\"v\":1}", Duration.ofSeconds(10));
        store.set("u", "{\"v\":2}", Duration.ofHours(1));
        assertThat(new JsonObject(store.get("u").orElseThrow().data()).getInteger("v")).isEqualTo(2);
        assertThat(store.expiresIn("u").orElseThrow()).isGreaterThan(Duration.ofMinutes(59));
    }

    @Test
    void renewMovesTheExpiryOfLiveSessionsOnly() throws Exception {
        store.set("r", "{}", Duration.ofSeconds(5));
        assertThat(store.renew("r", Duration.ofMinutes(10))).isTrue();
        assertThat(store.expiresIn("r").orElseThrow()).isGreaterThan(Duration.ofMinutes(9));

        store.set("gone", "{}", Duration.ofSeconds(1));
        query("SELECT pg_sleep(1.1)");
        assertThat(store.renew("gone", Duration.ofMinutes(10))).as("an expired session is not revived").isFalse();
        assertThat(store.exists("gone")).isFalse();
    }

    @Test
    void payloadOverTheLimitIsRefusedAndNothingIsStored() {
        String big = new JsonObject().put("blob", "x".repeat(LIMIT)).encode();
        assertThatThrownBy(() -> store.set("big", big, Duration.ofMinutes(1)))
                .isInstanceOf(HttpSessionTooLargeException.class).hasMessageContaining("quarkus.sqlspec.http-session.max-size");
        assertThat(store.exists("big")).isFalse();
    }

    @Test
    void deleteAllEmptiesTheTable() throws Exception {
        store.set("x", "{}", null);
        store.set("y", "{}", Duration.ofMinutes(1));
        assertThat(store.deleteAll()).isEqualTo(2);
        assertThat(query("SELECT count(*) FROM sqlspec_sessions")).isEqualTo("0");
    }

    @Test
    void aDeletedSessionIsNotResurrectedByALaterSave() {
        assertThat(store.insertNew("n", "{\"a\":1}", Duration.ofMinutes(1))).isTrue();
        assertThat(store.insertNew("n", "{\"a\":2}", Duration.ofMinutes(1))).as("ids are never reused").isFalse();
        store.delete("n"); // a logout in another request
        assertThat(store.updateLive("n", "{\"a\":3}", Duration.ofMinutes(1))).isFalse();
        assertThat(store.exists("n")).isFalse();
    }

    @Test
    void absoluteTimeoutHidesOldSessionsHoweverActive() throws Exception {
        HttpSessionRepository bounded = new HttpSessionRepository(dataSource, store.table(), LIMIT, Duration.ofHours(8));
        bounded.set("old", "{}", Duration.ofMinutes(30));
        assertThat(bounded.exists("old")).isTrue();
        query("UPDATE sqlspec_sessions SET created_at = now() - interval '9 hours' WHERE session_id = 'old'"
                + " RETURNING 1");
        assertThat(bounded.get("old")).isEmpty();
        assertThat(bounded.renew("old", Duration.ofMinutes(30))).isFalse();
    }

    @Test
    void onlyOneInstancePurgesAtATime() throws Exception {
        store.set("expired", "{}", Duration.ofMillis(1));
        query("SELECT pg_sleep(0.01)");
        HttpSessionPurger purger = new HttpSessionPurger(dataSource, store, 100);
        try (Connection other = dataSource.getConnection(); Statement statement = other.createStatement()) {
            statement.execute("SELECT pg_advisory_lock(hashtext('sqlspec-sessions:sqlspec_sessions'))");
            assertThat(purger.purgeOnce()).as("another instance holds the lock").isEqualTo(-1);
            statement.execute("SELECT pg_advisory_unlock(hashtext('sqlspec-sessions:sqlspec_sessions'))");
        }
        assertThat(purger.purgeOnce()).isEqualTo(1);
    }

    @Test
    void tableNamesAreValidatedIdentifiers() {
        assertThat(HttpSessionTable.named("app.web_sessions", "p").name()).isEqualTo("app.web_sessions");
        for (String bad : new String[] { "sessions; DROP TABLE users", "Sessions", "a.b.c", "x".repeat(64), "" }) {
            assertThatThrownBy(() -> HttpSessionTable.named(bad, "quarkus.sqlspec.http-session.table"))
                    .isInstanceOf(ConfigurationException.class).hasMessageContaining("quarkus.sqlspec.http-session.table");
        }
    }

    @Test
    void schemaIsTheDocumentedOne() throws Exception {
        assertThat(query("SELECT reloptions::text FROM pg_class WHERE relname = 'sqlspec_sessions'"))
                .contains("fillfactor=80");
        assertThat(query("SELECT indexdef FROM pg_indexes WHERE indexname = 'sqlspec_sessions_expires_at_idx'"))
                .contains("WHERE (expires_at IS NOT NULL)");
    }

    static String query(String sql) throws Exception {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }
}
