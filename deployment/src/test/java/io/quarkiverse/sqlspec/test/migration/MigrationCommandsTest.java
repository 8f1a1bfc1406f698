package io.quarkiverse.sqlspec.test.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import jakarta.inject.Inject;

import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.agroal.api.AgroalDataSource;
import io.quarkiverse.sqlspec.runtime.migration.DatabaseCommands;
import io.quarkiverse.sqlspec.runtime.migration.Migrations;
import io.quarkiverse.sqlspec.test.DbChecks;
import io.quarkus.test.QuarkusUnitTest;

/**
 * The database commands on the Dev Services PostgreSQL, each outcome read from a connection of the test's own.
 */
class MigrationCommandsTest {

    static final String FIRST = """
            -- Description: the things table
            -- name: migrate-0001-up
            CREATE TABLE things (id int PRIMARY KEY, name text NOT NULL);

            -- name: migrate-0001-down
            DROP TABLE things;
            """;
    static final String SECOND = """
            -- name: migrate-0002-up
            ALTER TABLE things ADD COLUMN color text;
            INSERT INTO things VALUES (1, 'one; with a semicolon', 'red');
            CREATE FUNCTION things_count() RETURNS bigint LANGUAGE sql AS $$ SELECT count(*) FROM things; $$;

            -- name: migrate-0002-down
            DROP FUNCTION things_count();
            ALTER TABLE things DROP COLUMN color;
            DELETE FROM things;
            """;

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClass(DbChecks.class)
                    .addAsResource(new StringAsset(FIRST), "db/migrations/0001_create_things.sql")
                    .addAsResource(new StringAsset(SECOND), "db/migrations/0002_add_color.sql"))
            .overrideConfigKey("quarkus.datasource.db-kind", "postgresql")
            .overrideConfigKey("quarkus.sqlspec.migrate-at-start", "false");

    @Inject
    Migrations migrations;

    @Inject
    AgroalDataSource dataSource;

    final List<String> output = new ArrayList<>();

    int run(String... commandLine) {
        output.clear();
        return migrations.commands().run(List.of(commandLine), output::add);
    }

    long count(String sql) throws Exception {
        return DbChecks.count(dataSource, sql);
    }

    @BeforeEach
    void startFromAnEmptyDatabase() throws Exception {
        assertThat(run("downgrade", "base")).isZero();
        assertThat(count("SELECT count(*) FROM ddl_migrations")).isZero();
    }

    @Test
    void upgradeAppliesEveryMigrationOnceAndRecordsItLikeSqlSpec() throws Exception {
        assertThat(run("upgrade")).isZero();
        assertThat(output).anyMatch(line -> line.contains("2 pending migration(s)"))
                .anyMatch(line -> line.contains("applied 0001: the things table"))
                .anyMatch(line -> line.contains("applied 0002: add color"));
        assertThat(count("SELECT things_count()")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM ddl_migrations WHERE version_type = 'sequential'"
                + " AND execution_sequence IN (1, 2) AND applied_by IS NOT NULL")).isEqualTo(2);
        assertThat(DbChecks.text(dataSource, "SELECT checksum FROM ddl_migrations WHERE version_num = '0001'"))
                .isEqualTo(sqlSpecChecksum(FIRST));

        assertThat(run("upgrade")).isZero();
        assertThat(output).anyMatch(line -> line.contains("already at the latest version (current: 0002)"));
        assertThat(count("SELECT count(*) FROM ddl_migrations")).isEqualTo(2);
    }

    @Test
    void upgradeToAVersionAndDryRunsStopWhereTold() throws Exception {
        assertThat(run("upgrade", "--dry-run")).isZero();
        assertThat(output).anyMatch(line -> line.contains("would apply 0001"));
        assertThat(count("SELECT count(*) FROM pg_tables WHERE tablename = 'things'")).isZero();

        assertThat(run("upgrade", "0001")).isZero();
        assertThat(run("current", "--verbose")).isZero();
        assertThat(output).anyMatch(line -> line.contains("current version 0001, 1 pending"))
                .anyMatch(line -> line.contains("0002") && line.contains("pending"));
    }

    @Test
    void downgradeRevertsTheLastOneOrAll() throws Exception {
        run("upgrade");
        assertThat(run("downgrade")).isZero();
        assertThat(output).anyMatch(line -> line.contains("reverted 0002"));
        assertThat(count("SELECT count(*) FROM information_schema.columns WHERE table_name = 'things'"
                + " AND column_name = 'color'")).isZero();
        assertThat(count("SELECT count(*) FROM ddl_migrations")).isEqualTo(1);

        assertThat(run("downgrade", "base")).isZero();
        assertThat(count("SELECT count(*) FROM pg_tables WHERE tablename = 'things'")).isZero();
        assertThat(run("downgrade")).isZero();
        assertThat(output).anyMatch(line -> line.contains("nothing to downgrade"));
    }

    @Test
    void stampRecordsWithoutRunning() throws Exception {
        assertThat(run("stamp", "0001")).isZero();
        assertThat(count("SELECT count(*) FROM ddl_migrations WHERE version_num = '0001'")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM pg_tables WHERE tablename = 'things'")).as("not run").isZero();
        assertThat(run("stamp", "0009")).isEqualTo(DatabaseCommands.FAILED);
        assertThat(output).anyMatch(line -> line.contains("no migration has version '0009'"));
    }

    @Test
    void aMigrationChangedAfterItWasAppliedIsReportedAndStopsUpgrade() throws Exception {
        run("upgrade", "0001");
        DbChecks.execute(dataSource, "UPDATE ddl_migrations SET checksum = 'edited' WHERE version_num = '0001'");
        assertThat(run("current")).isZero();
        assertThat(output).anyMatch(line -> line.contains("MODIFIED 0001: db/migrations/0001_create_things.sql"));
        assertThat(run("upgrade")).isEqualTo(DatabaseCommands.FAILED);
        assertThat(output).anyMatch(line -> line.startsWith("FAILED: Applied migrations were changed")
                && line.contains("db/migrations/0001_create_things.sql"));
        assertThat(count("SELECT count(*) FROM ddl_migrations")).as("nothing applied").isEqualTo(1);
        DbChecks.execute(dataSource, "DELETE FROM ddl_migrations");
        DbChecks.execute(dataSource, "DROP TABLE things");
    }

    @Test
    void aWrongCommandLineIsAUsageError() {
        assertThat(run("upgrad")).isEqualTo(DatabaseCommands.USAGE);
        assertThat(output).anyMatch(line -> line.contains("Unknown command 'upgrad'"));
        assertThat(run("upgrade", "--datasource", "nope")).isEqualTo(DatabaseCommands.USAGE);
        assertThat(run("stamp")).isEqualTo(DatabaseCommands.USAGE);
    }

    /** SQLSpec's rule, written out independently: MD5 of the file without its '-- name: migrate-...' lines. */
    static String sqlSpecChecksum(String content) throws Exception {
        String canonical = content.replaceAll("(?m)^--\\s*name:\\s*migrate-[^-]+-(?:up|down)\\s*$", "");
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(canonical.getBytes(StandardCharsets.UTF_8)));
    }
}
