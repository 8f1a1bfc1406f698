package io.quarkiverse.sqlspec.test.migration;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.List;

import jakarta.inject.Inject;

import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.sqlspec.runtime.migration.Migrations;
import io.quarkus.test.QuarkusUnitTest;

/**
 * With quarkus-smallrye-health, an instance whose database lacks a migration is not ready.
 */
class MigrationReadinessTest {

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar
                    .addAsResource(new StringAsset(MigrationCommandsTest.FIRST), "db/migrations/0001_create_things.sql"))
            .overrideConfigKey("quarkus.datasource.db-kind", "postgresql")
            .overrideConfigKey("quarkus.sqlspec.migrate-at-start", "false");

    @Inject
    Migrations migrations;

    @Test
    void notReadyUntilMigrated() {
        given().get("/q/health/ready").then().statusCode(503)
                .body("checks.name", hasItem("SQLSpec migrations"))
                .body("checks.find { it.name == 'SQLSpec migrations' }.data.'<default>'",
                        equalTo("none applied, 1 pending, 0 modified"));
        migrations.commands().run(List.of("upgrade"), line -> {
        });
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'SQLSpec migrations' }.status", equalTo("UP"));
        migrations.commands().run(List.of("downgrade", "base"), line -> {
        });
    }
}
