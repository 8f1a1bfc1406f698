package io.quarkiverse.sqlspec.it;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * The same checks against the packaged application (the jar in JVM mode; the executable with -Dnative).
 */
@QuarkusIntegrationTest
class StatusResourceIT extends StatusResourceTest {
}
