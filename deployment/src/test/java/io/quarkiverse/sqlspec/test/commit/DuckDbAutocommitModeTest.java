package io.quarkiverse.sqlspec.test.commit;

import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.sqlspec.CommitMode;
import io.quarkus.test.QuarkusUnitTest;

/** The whole commit matrix of one mode on a DuckDB datasource (a Dev Services file): the same outcomes as PostgreSQL. */
class DuckDbAutocommitModeTest extends CommitModeTestBase {

    @RegisterExtension
    static final QuarkusUnitTest app = applicationIn("autocommit", "duckdb");

    @Override
    CommitMode mode() {
        return CommitMode.AUTOCOMMIT;
    }
}
