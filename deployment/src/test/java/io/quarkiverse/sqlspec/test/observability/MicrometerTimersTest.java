package io.quarkiverse.sqlspec.test.observability;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.test.QuarkusUnitTest;

/**
 * With quarkus-micrometer, every statement is timed in {@code sqlspec.statements}.
 */
class MicrometerTimersTest {

    public static class Registry {
        @Produces
        @Singleton
        SimpleMeterRegistry registry() {
            return new SimpleMeterRegistry();
        }
    }

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(ObservedResource.class, ObservedResource.Collector.class,
                    Registry.class))
            .overrideConfigKey("quarkus.datasource.db-kind", "postgresql");

    @Inject
    MeterRegistry registry;

    @Test
    void statementsAreTimedByDatasourceOperationAndOutcome() {
        given().post("/observed/write/timed").then().statusCode(200);
        given().get("/observed/broken").then().statusCode(500);

        Timer inserts = registry.find("sqlspec.statements").tag("datasource", "<default>").tag("operation", "INSERT")
                .tag("outcome", "success").timer();
        assertThat(inserts).isNotNull();
        assertThat(inserts.count()).isGreaterThanOrEqualTo(1);
        assertThat(registry.find("sqlspec.statements").tag("outcome", "error").timer().count()).isEqualTo(1);
    }
}
