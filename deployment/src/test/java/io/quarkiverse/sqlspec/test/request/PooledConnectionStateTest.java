package io.quarkiverse.sqlspec.test.request;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Statement;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.agroal.api.AgroalDataSource;
import io.quarkiverse.sqlspec.DbSession;
import io.quarkiverse.sqlspec.test.DbChecks;
import io.quarkus.test.QuarkusUnitTest;

/**
 * SQLSpec takes a pooled connection without asking its auto-commit mode: Agroal restores the pool's mode when a
 * connection comes back, whatever its last borrower did. With a pool of one connection, the request surely gets the
 * connection that application code left with auto-commit off.
 */
class PooledConnectionStateTest {

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(StateResource.class, DbChecks.class))
            .overrideConfigKey("quarkus.datasource.db-kind", "postgresql")
            .overrideConfigKey("quarkus.datasource.jdbc.max-size", "1");

    @Path("/state")
    public static class StateResource {

        @Inject
        DbSession db;

        /** In auto-commit, each read is its own transaction: now() differs between the two. */
        @GET
        @Path("/reads-in-auto-commit")
        public boolean readsInAutoCommit() {
            String first = db.selectValue(String.class, "SELECT now()::text");
            String second = db.selectValue(String.class, "SELECT now()::text");
            return !first.equals(second);
        }

        @POST
        @Path("/{body}")
        public void write(@PathParam("body") String body) {
            db.execute("INSERT INTO pool_notes (body) VALUES ($1)", body);
        }
    }

    @Inject
    AgroalDataSource pool;

    @Test
    void aConnectionLeftOutOfAutoCommitComesBackInAutoCommit() throws Exception {
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS pool_notes (body text)");
        }
        for (int i = 0; i < 3; i++) {
            try (Connection connection = pool.getConnection()) {
                connection.setAutoCommit(false);
                connection.createStatement().execute("SELECT 1");
                // closed with auto-commit off and a transaction open: the next borrower must not inherit either
            }
            given().get("/state/reads-in-auto-commit").then().statusCode(200)
                    .body(org.hamcrest.Matchers.equalTo("true"));
            given().post("/state/kept-" + i).then().statusCode(204);
            assertThat(DbChecks.count(pool, "SELECT count(*) FROM pool_notes WHERE body = 'kept-" + i + "'"))
                    .isEqualTo(1);
        }
    }
}
