package io.quarkiverse.sqlspec.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The database commands from a terminal, against the packaged demo application and a PostgreSQL given only by
 * environment variables: their output and their exit codes.
 */
class DatabaseCommandsIT {

    @Test
    void upgradeCurrentDowngradeAndSessionsFromTheTerminal() throws Exception {
        Path analytics = PackagedApp.duckDbFile("commands");
        try (EmbeddedPostgres postgres = PackagedApp.database()) {
            PackagedApp.CommandRun upgrade = PackagedApp.command(postgres, analytics, "upgrade");
            System.out.printf("db commands: upgrade -> exit %d%n%s", upgrade.exitCode(), upgrade.output());
            assertThat(upgrade.exitCode()).isZero();
            assertThat(upgrade.output()).contains("<default>: 2 pending migration(s)")
                    .contains("applied 0002: the demo account").contains("analytics: 2 pending migration(s)")
                    .contains("applied 0002: a week of sample page events");
            assertThat(duckDbCount(analytics, "SELECT count(*) FROM events")).as("seeded in the DuckDB file").isEqualTo(42);
            assertThat(count(postgres, "postgres", "SELECT count(*) FROM accounts WHERE username = 'alice'")).isEqualTo(1);

            PackagedApp.CommandRun current = PackagedApp.command(postgres, analytics, "current --verbose");
            assertThat(current.exitCode()).isZero();
            assertThat(current.output()).contains("<default>: current version 0002, 0 pending")
                    .contains("analytics: current version 0002, 0 pending");

            PackagedApp.CommandRun downgrade = PackagedApp.command(postgres, analytics, "downgrade -1 --datasource default");
            assertThat(downgrade.exitCode()).isZero();
            assertThat(downgrade.output()).contains("reverted 0002");
            assertThat(count(postgres, "postgres", "SELECT count(*) FROM accounts")).isZero();
            assertThat(count(postgres, "postgres", "SELECT count(*) FROM ddl_migrations")).isEqualTo(1);

            PackagedApp.CommandRun none = PackagedApp.command(postgres, analytics, "sessions delete-expired");
            assertThat(none.exitCode()).isZero(); // creates the session table, as a start of the application does
            assertThat(none.output()).contains("Deleted 0 expired session(s)");
            execute(postgres, "INSERT INTO sqlspec_sessions (session_id, expires_at) VALUES"
                    + " ('" + "a".repeat(64) + "', now() - interval '1 minute')");
            PackagedApp.CommandRun sessions = PackagedApp.command(postgres, analytics, "sessions delete-expired");
            assertThat(sessions.exitCode()).isZero();
            assertThat(sessions.output()).contains("Deleted 1 expired session(s)");

            PackagedApp.CommandRun wrong = PackagedApp.command(postgres, analytics, "upgrde");
            assertThat(wrong.exitCode()).isEqualTo(2);
        }
    }

    @Test
    void aBrokenMigrationExitsNonZeroNamingTheFileAndTheError() throws Exception {
        Path analytics = PackagedApp.duckDbFile("commands-broken");
        try (EmbeddedPostgres postgres = PackagedApp.database()) {
            execute(postgres, "CREATE TABLE posts (id int)"); // the demo's first migration creates posts too
            PackagedApp.CommandRun upgrade = PackagedApp.command(postgres, analytics, "upgrade");
            System.out.printf("db commands: broken upgrade -> exit %d%n%s", upgrade.exitCode(), upgrade.output());
            assertThat(upgrade.exitCode()).isEqualTo(1);
            assertThat(upgrade.output()).contains("FAILED: db/migrations/0001_create_demo_schema.sql: migration 0001 (up)")
                    .contains("relation \"posts\" already exists");
            assertThat(count(postgres, "postgres", "SELECT count(*) FROM ddl_migrations")).isZero();
            assertThat(count(postgres, "postgres", "SELECT count(*) FROM pg_tables WHERE tablename = 'users'"))
                    .as("rolled back with its migration").isZero();
        }
    }

    @Test
    void twoUpgradesAtTheSameInstantApplyEachMigrationOnce() throws Exception {
        try (EmbeddedPostgres postgres = PackagedApp.database()) {
            // each process its own DuckDB file (a file is open in one process at a time); PostgreSQL is shared
            List<PackagedApp.CommandRun> runs = FaultsIT.concurrently(2, () -> PackagedApp.command(postgres,
                    PackagedApp.duckDbFile("commands-concurrent-" + Thread.currentThread().getId()), "upgrade"));
            assertThat(runs).allSatisfy(run -> assertThat(run.exitCode()).isZero());
            assertThat(runs).filteredOn(run -> run.output().contains("applied 0001: the demo schema")).hasSize(1);
            assertThat(runs).filteredOn(run -> run.output().contains("applied 0001: page events")).hasSize(2);
            assertThat(count(postgres, "postgres", "SELECT count(*) FROM ddl_migrations")).isEqualTo(2);
            assertThat(count(postgres, "postgres", "SELECT count(DISTINCT version_num) FROM ddl_migrations")).isEqualTo(2);
            System.out.printf("db commands: two concurrent upgrades -> exits %d and %d, 2 migrations applied once%n",
                    runs.get(0).exitCode(), runs.get(1).exitCode());
        }
    }

    static long count(EmbeddedPostgres postgres, String database, String sql) throws Exception {
        try (Connection connection = postgres.getDatabase("postgres", database).getConnection();
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static long duckDbCount(Path file, String sql) throws Exception {
        Class.forName("org.duckdb.DuckDBDriver"); // DriverManager may have scanned for drivers before it was visible
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + file);
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static void execute(EmbeddedPostgres postgres, String sql) throws Exception {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
