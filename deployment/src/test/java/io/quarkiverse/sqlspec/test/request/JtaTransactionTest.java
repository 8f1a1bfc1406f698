package io.quarkiverse.sqlspec.test.request;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.agroal.api.AgroalDataSource;
import io.quarkiverse.sqlspec.test.DbChecks;
import io.quarkus.test.QuarkusUnitTest;

/**
 * Inside {@code @Transactional}, the session joins the JTA transaction and JTA decides, not the response status.
 */
class JtaTransactionTest {

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(JtaResource.class, DbChecks.class))
            .overrideConfigKey("quarkus.datasource.db-kind", "postgresql");

    @Inject
    AgroalDataSource dataSource;

    @Test
    void jtaCommitsOnReturnEvenWithAnErrorStatus() throws Exception {
        String marker = "jta-" + UUID.randomUUID();
        given().post("/jta/returns-500/" + marker).then().statusCode(500);
        assertThat(rows(marker)).isEqualTo(1);
    }

    @Test
    void jtaRollsBackOnException() throws Exception {
        String marker = "jta-" + UUID.randomUUID();
        given().post("/jta/throws/" + marker).then().statusCode(500);
        assertThat(rows(marker)).isZero();
    }

    @Test
    void explicitCommitIsRefusedUnderJta() throws Exception {
        String marker = "jta-" + UUID.randomUUID();
        given().post("/jta/commit/" + marker).then().statusCode(500);
        assertThat(rows(marker)).isZero();
        assertThat(dataSource.getConfiguration().connectionPoolConfiguration().maxSize()).isPositive();
    }

    private long rows(String marker) throws Exception {
        return DbChecks.count(dataSource, "SELECT count(*) FROM jta_marks WHERE marker = '" + marker + "'");
    }
}
