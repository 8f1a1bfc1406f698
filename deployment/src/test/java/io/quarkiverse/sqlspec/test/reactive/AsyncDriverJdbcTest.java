package io.quarkiverse.sqlspec.test.reactive;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.agroal.api.AgroalDataSource;
import io.quarkiverse.sqlspec.test.DbChecks;
import io.quarkiverse.sqlspec.test.observability.ObservedResource;
import io.quarkus.test.QuarkusUnitTest;

/** {@code quarkus.sqlspec.async-driver=jdbc}: db.async() runs on JDBC workers although the reactive client is there. */
class AsyncDriverJdbcTest {

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(ReactiveResource.class, ReactiveResource.Note.class,
                    ObservedResource.Collector.class, DbChecks.class))
            .overrideConfigKey("quarkus.datasource.db-kind", "postgresql")
            .overrideConfigKey("quarkus.sqlspec.async-driver", "jdbc");

    @Inject
    AgroalDataSource dataSource;

    @Test
    void asyncStatementsRunOnJdbcWorkers() throws Exception {
        given().get("/reactive/driver").then().statusCode(200).body(equalTo("PostgreSQL JDBC Driver"));
        String kept = "jdbc-kept-" + UUID.randomUUID();
        String dropped = "jdbc-dropped-" + UUID.randomUUID();
        given().post("/reactive/notes/" + kept + "/200").then().statusCode(200);
        given().post("/reactive/notes/" + dropped + "/400").then().statusCode(400);
        assertThat(DbChecks.count(dataSource, "SELECT count(*) FROM reactive_notes WHERE body = '" + kept + "'"))
                .isEqualTo(1);
        assertThat(DbChecks.count(dataSource, "SELECT count(*) FROM reactive_notes WHERE body = '" + dropped + "'"))
                .isZero();
        // blocking and async statements share the request's JDBC connection: mixing them is allowed
        given().get("/reactive/mixed").then().statusCode(200).body(equalTo("2"));
    }
}
