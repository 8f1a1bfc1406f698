package io.quarkiverse.sqlspec.test.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.agroal.api.AgroalDataSource;
import io.quarkiverse.sqlspec.runtime.migration.DatabaseCommands;
import io.quarkiverse.sqlspec.runtime.migration.Migrations;
import io.quarkiverse.sqlspec.test.DbChecks;
import io.quarkus.test.QuarkusUnitTest;

/**
 * A migration that fails is rolled back whole, is not recorded, stops the ones after it, and the command says where.
 */
class FailingMigrationTest {

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClass(DbChecks.class)
                    .addAsResource(new StringAsset("-- name: migrate-0001-up\nCREATE TABLE ok_table (id int);\n"),
                            "db/migrations/0001_ok.sql")
                    .addAsResource(new StringAsset("-- name: migrate-0002-up\nCREATE TABLE half_done (id int);\n"
                            + "INSERT INTO missing_table VALUES (1);\n"), "db/migrations/0002_broken.sql")
                    .addAsResource(new StringAsset("-- name: migrate-0003-up\nCREATE TABLE never (id int);\n"),
                            "db/migrations/0003_after.sql"))
            .overrideConfigKey("quarkus.datasource.db-kind", "postgresql")
            .overrideConfigKey("quarkus.sqlspec.migrate-at-start", "false");

    @Inject
    Migrations migrations;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void theFailedMigrationLeavesNothingAndTheCommandFails() throws Exception {
        List<String> output = new ArrayList<>();
        assertThat(migrations.commands().run(List.of("upgrade"), output::add)).isEqualTo(DatabaseCommands.FAILED);
        assertThat(output).anyMatch(line -> line.startsWith("FAILED: db/migrations/0002_broken.sql: migration 0002 (up)"
                + " failed at the statement starting on line 2 of its block")
                && line.contains("relation \"missing_table\" does not exist")
                && line.contains("Nothing of this migration was applied"));
        assertThat(DbChecks.count(dataSource, "SELECT count(*) FROM ddl_migrations")).as("only 0001").isEqualTo(1);
        assertThat(DbChecks.count(dataSource, "SELECT count(*) FROM pg_tables WHERE tablename IN ('ok_table')"))
                .isEqualTo(1);
        assertThat(DbChecks.count(dataSource,
                "SELECT count(*) FROM pg_tables WHERE tablename IN ('half_done', 'never')")).isZero();
    }
}
