package io.quarkiverse.sqlspec.test.commit;

import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.sqlspec.CommitMode;
import io.quarkus.test.QuarkusUnitTest;

class ManualModeTest extends CommitModeTestBase {

    @RegisterExtension
    static final QuarkusUnitTest app = applicationIn("manual");

    @Override
    CommitMode mode() {
        return CommitMode.MANUAL;
    }
}
