package io.quarkiverse.sqlspec.test.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.sqlspec.test.Failures;
import io.quarkus.test.QuarkusUnitTest;

/**
 * A migration file that cannot be applied as written fails the build, naming the file (and line).
 */
class InvalidMigrationFilesTest {

    static QuarkusUnitTest buildWith(String[][] files, String... expected) {
        return new QuarkusUnitTest()
                .withApplicationRoot(jar -> {
                    for (String[] file : files) {
                        jar.addAsResource(new StringAsset(file[1]), file[0]);
                    }
                })
                .overrideConfigKey("quarkus.datasource.db-kind", "postgresql")
                .assertException(failure -> assertThat(Failures.messages(failure))
                        .contains(expected));
    }

    @Nested
    class MissingUpBlock {
        @RegisterExtension
        static final QuarkusUnitTest app = buildWith(new String[][] {
                { "db/migrations/0001_users.sql", "-- name: migrate-0001-down\nDROP TABLE users;\n" } },
                "db/migrations/0001_users.sql:1: the migration has no '-- name: migrate-0001-up' block");

        @Test
        void buildFails() {
            fail("the build must fail");
        }
    }

    @Nested
    class DuplicateVersion {
        @RegisterExtension
        static final QuarkusUnitTest app = buildWith(new String[][] {
                { "db/migrations/0002_a.sql", "-- name: migrate-0002-up\nSELECT 1;\n" },
                { "db/migrations/2_b.sql", "-- name: migrate-0002-up\nSELECT 2;\n" } },
                "db/migrations/0002_a.sql and db/migrations/2_b.sql have the same version 0002");

        @Test
        void buildFails() {
            fail("the build must fail");
        }
    }

    @Nested
    class UnterminatedDollarQuote {
        @RegisterExtension
        static final QuarkusUnitTest app = buildWith(new String[][] {
                { "db/migrations/0003_fn.sql", "-- Description: a function\n\n-- name: migrate-0003-up\n"
                        + "CREATE FUNCTION f() RETURNS int AS $$ SELECT 1;\n" } },
                "db/migrations/0003_fn.sql:3: block 'migrate-0003-up' has");

        @Test
        void buildFails() {
            fail("the build must fail");
        }
    }

    @Nested
    class WrongFileName {
        @RegisterExtension
        static final QuarkusUnitTest app = buildWith(new String[][] {
                { "db/migrations/create_users.sql", "-- name: migrate-x-up\nSELECT 1;\n" } },
                "db/migrations/create_users.sql: a migration file is named <version>_<description>.sql");

        @Test
        void buildFails() {
            fail("the build must fail");
        }
    }

    @Nested
    class FolderOfNoDatasource {
        @RegisterExtension
        static final QuarkusUnitTest app = buildWith(new String[][] {
                { "db/migrations/reports/0001_x.sql", "-- name: migrate-0001-up\nSELECT 1;\n" } },
                "db/migrations/reports/0001_x.sql is in folder 'reports', which is not a datasource");

        @Test
        void buildFails() {
            fail("the build must fail");
        }
    }
}
