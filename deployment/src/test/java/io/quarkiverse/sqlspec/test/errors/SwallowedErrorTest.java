package io.quarkiverse.sqlspec.test.errors;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.agroal.api.AgroalDataSource;
import io.quarkiverse.sqlspec.DbSession;
import io.quarkiverse.sqlspec.SqlSpec;
import io.quarkiverse.sqlspec.exception.UniqueViolationException;
import io.quarkiverse.sqlspec.test.DbChecks;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.test.QuarkusUnitTest;

/**
 * An endpoint that catches a database error and carries on: PostgreSQL has aborted the transaction, so its data is not
 * saved, and the client must not be told it was.
 */
class SwallowedErrorTest {

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(ItemResource.class, DbChecks.class))
            .overrideConfigKey("quarkus.datasource.db-kind", "postgresql");

    @Path("/items")
    public static class ItemResource {

        @Inject
        DbSession db;

        void createTable(@Observes StartupEvent startup, SqlSpec sqlspec) {
            sqlspec.inTransaction(SqlSpec.DEFAULT_DATASOURCE,
                    s -> s.execute("CREATE TABLE IF NOT EXISTS items (id int PRIMARY KEY, note text)"));
        }

        @POST
        @Path("/{id}")
        public Map<String, Object> add(@PathParam("id") int id) {
            db.execute("INSERT INTO items VALUES (?, 'kept?')", id);
            try {
                db.execute("INSERT INTO items VALUES (?, 'duplicate')", id);
            } catch (UniqueViolationException expected) {
                // the application decides the duplicate does not matter
            }
            return Map.of("id", id);
        }

        /** The way to carry on after an expected error: a savepoint before the statement that may fail. */
        @POST
        @Path("/{id}/with-savepoint")
        public Map<String, Object> addWithSavepoint(@PathParam("id") int id) {
            db.execute("INSERT INTO items VALUES (?, 'kept')", id);
            db.savepoint("before-duplicate");
            try {
                db.execute("INSERT INTO items VALUES (?, 'duplicate')", id);
            } catch (UniqueViolationException expected) {
                db.rollbackTo("before-duplicate");
            }
            return Map.of("id", id);
        }
    }

    @Inject
    AgroalDataSource dataSource;

    @Test
    void theClientIsNotToldThatUnsavedDataWasSaved() throws Exception {
        given().post("/items/1").then().statusCode(500).body("sqlState", equalTo("25P02"));
        assertThat(DbChecks.count(dataSource, "SELECT count(*) FROM items WHERE id = 1")).isZero();
    }

    @Test
    void rollingBackToASavepointLetsTheTransactionCommit() throws Exception {
        given().post("/items/2/with-savepoint").then().statusCode(200);
        assertThat(DbChecks.text(dataSource, "SELECT note FROM items WHERE id = 2")).isEqualTo("kept");
    }
}
