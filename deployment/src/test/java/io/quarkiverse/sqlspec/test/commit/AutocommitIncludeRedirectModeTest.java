package io.quarkiverse.sqlspec.test.commit;

import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.sqlspec.CommitMode;
import io.quarkus.test.QuarkusUnitTest;

class AutocommitIncludeRedirectModeTest extends CommitModeTestBase {

    @RegisterExtension
    static final QuarkusUnitTest app = applicationIn("autocommit-include-redirect");

    @Override
    CommitMode mode() {
        return CommitMode.AUTOCOMMIT_INCLUDE_REDIRECT;
    }
}
