package io.quarkiverse.sqlspec.test.commit;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import io.agroal.api.AgroalDataSource;
import io.quarkiverse.sqlspec.CommitMode;
import io.quarkus.test.QuarkusUnitTest;

/**
 * Runs every outcome of {@link CommitMatrix} against an application in one commit mode.
 */
abstract class CommitModeTestBase {

    static final List<String> OUTCOMES = CommitMatrix.OUTCOMES;

    static QuarkusUnitTest applicationIn(String commitMode) {
        return applicationIn(commitMode, "postgresql");
    }

    static QuarkusUnitTest applicationIn(String commitMode, String dbKind) {
        return new QuarkusUnitTest()
                .withApplicationRoot(jar -> jar.addClasses(MatrixResource.class, MatrixResource.MappedProblem.class,
                        MatrixResource.MappedProblemMapper.class, CommitMatrix.class, CommitModeTestBase.class))
                .overrideConfigKey("quarkus.datasource.db-kind", dbKind)
                .overrideConfigKey("quarkus.sqlspec.commit-mode", commitMode)
                .overrideConfigKey("quarkus.sqlspec.extra-commit-statuses", CommitMatrix.EXTRA_COMMIT)
                .overrideConfigKey("quarkus.sqlspec.extra-rollback-statuses", CommitMatrix.EXTRA_ROLLBACK);
    }

    @Inject
    AgroalDataSource dataSource;

    abstract CommitMode mode();

    @ParameterizedTest
    @FieldSource("io.quarkiverse.sqlspec.test.commit.CommitModeTestBase#OUTCOMES")
    void outcomeDecidesTheCommit(String outcome) throws Exception {
        CommitMatrix.check(dataSource, mode(), outcome);
    }

    @ParameterizedTest
    @FieldSource("io.quarkiverse.sqlspec.test.commit.CommitMatrix#ASYNC_OUTCOMES")
    void asyncOutcomeDecidesTheCommit(String outcome) throws Exception {
        CommitMatrix.check(dataSource, mode(), outcome, "/matrix/async/");
    }
}
