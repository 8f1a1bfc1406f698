package io.quarkiverse.sqlspec.test.commit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import java.util.logging.Level;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.QuarkusUnitTest;

/**
 * Manual mode: an explicit commit persists whatever the status; work left uncommitted is rolled back with a warning.
 */
class ManualCommitTest {

    @RegisterExtension
    static final QuarkusUnitTest app = CommitModeTestBase.applicationIn("manual")
            .setLogRecordPredicate(record -> record.getLevel().equals(Level.WARNING)
                    && record.getMessage().contains("Uncommitted work"))
            // one request leaves work uncommitted; the one that committed explicitly must not warn
            .assertLogRecords(records -> assertThat(records).hasSize(1));

    @Inject
    AgroalDataSource dataSource;

    @Test
    void explicitCommitPersistsEvenWhenTheRequestFailsAfterIt() throws Exception {
        String marker = "manual-commit-" + UUID.randomUUID();
        given().post("/matrix/" + marker + "/commit-then-fail").then().statusCode(500);
        assertThat(CommitMatrix.rowExists(dataSource, marker)).isTrue();
    }

    @Test
    void uncommittedWorkIsRolledBackAndLogged() throws Exception {
        String marker = "manual-none-" + UUID.randomUUID();
        given().post("/matrix/" + marker + "/200").then().statusCode(200);
        assertThat(CommitMatrix.rowExists(dataSource, marker)).isFalse();
    }
}
