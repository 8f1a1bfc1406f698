package io.quarkiverse.sqlspec.test.duckdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/**
 * PostgreSQL-only features configured on another kind of database fail the start (or the build) with a message that
 * says which datasource, why, and what to do.
 */
class DuckDbUnsupportedFeaturesTest {

    static String messages(Throwable failure) {
        StringBuilder messages = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            messages.append(t.getMessage()).append('\n');
        }
        return messages.toString();
    }

    @Nested
    class HttpSessionsOnDuckDb {

        @RegisterExtension
        static final QuarkusUnitTest app = new QuarkusUnitTest()
                .overrideConfigKey("quarkus.datasource.analytics.db-kind", "duckdb")
                .overrideConfigKey("quarkus.sqlspec.http-session.enabled", "true")
                .overrideConfigKey("quarkus.sqlspec.http-session.datasource", "analytics")
                .assertException(failure -> assertThat(messages(failure))
                        .contains("quarkus.sqlspec.http-session.datasource is 'analytics', a DuckDB datasource")
                        .contains("HTTP sessions need PostgreSQL"));

        @Test
        void startupFails() {
            fail("startup must fail");
        }
    }

    @Nested
    class MigrationsOnAnotherKindOfDatabase {

        @RegisterExtension
        static final QuarkusUnitTest app = new QuarkusUnitTest()
                .withApplicationRoot(jar -> jar.addAsResource(new StringAsset("-- name: migrate-0001-up\nSELECT 1;\n"),
                        "db/migrations/0001_nothing.sql"))
                .overrideConfigKey("quarkus.datasource.db-kind", "other")
                .overrideConfigKey("quarkus.datasource.jdbc.driver", "org.postgresql.Driver")
                .overrideConfigKey("quarkus.datasource.devservices.enabled", "false")
                .overrideConfigKey("quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:1/none")
                .assertException(failure -> assertThat(messages(failure))
                        .contains("db/migrations/0001_nothing.sql is a migration for the default datasource")
                        .contains("migrations run on PostgreSQL and DuckDB"));

        @Test
        void theBuildFails() {
            fail("the build must fail");
        }
    }
}
