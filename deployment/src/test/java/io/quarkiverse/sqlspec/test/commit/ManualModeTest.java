package io.quarkiverse.sqlspec.test.commit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import io.agroal.api.AgroalDataSource;
import io.quarkiverse.sqlspec.CommitMode;
import io.quarkus.test.QuarkusUnitTest;

class ManualModeTest {

    static final java.util.List<String> OUTCOMES = CommitMatrix.OUTCOMES;

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(MatrixResource.class, MatrixResource.MappedProblem.class,
                    MatrixResource.MappedProblemMapper.class, CommitMatrix.class))
            .overrideConfigKey("quarkus.datasource.db-kind", "postgresql")
            .overrideConfigKey("quarkus.sqlspec.commit-mode", "manual")
            .overrideConfigKey("quarkus.sqlspec.extra-commit-statuses", CommitMatrix.EXTRA_COMMIT)
            .overrideConfigKey("quarkus.sqlspec.extra-rollback-statuses", CommitMatrix.EXTRA_ROLLBACK);

    @Inject
    AgroalDataSource dataSource;

    @ParameterizedTest
    @FieldSource("OUTCOMES")
    void outcomeDecidesTheCommit(String outcome) throws Exception {
        CommitMatrix.check(dataSource, CommitMode.MANUAL, outcome);
    }
}
