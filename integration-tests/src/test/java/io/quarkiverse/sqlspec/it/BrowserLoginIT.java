package io.quarkiverse.sqlspec.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Headless Chromium logs in on the demo page, reloads, sees its profile, logs out (src/test/browser/login.mjs).
 * Needs Debian's chromium and node; .ci/run installs both. Without them the test is skipped, saying what is missing.
 */
class BrowserLoginIT {

    static final Path BROWSER_DIR = Path.of("src/test/browser");

    @Test
    void aRealBrowserKeepsItsSessionAcrossReloads() throws Exception {
        String chromium = System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium");
        assumeTrue(Files.isExecutable(Path.of(chromium)), "Chromium is not installed (apt-get install chromium)");
        assumeTrue(Files.isDirectory(BROWSER_DIR.resolve("node_modules/playwright-core")),
                "playwright-core is not installed (cd integration-tests/src/test/browser && npm install)");

        try (EmbeddedPostgres postgres = PackagedApp.database();
                PackagedApp app = PackagedApp.start(postgres, "browser-app")) {
            Process node = new ProcessBuilder("node", "login.mjs", app.uri("").toString())
                    .directory(BROWSER_DIR.toFile()).redirectErrorStream(true)
                    .redirectOutput(new File("target/browser-login.log")).start();
            assertThat(node.waitFor(90, TimeUnit.SECONDS)).as("the browser test finished").isTrue();
            String output = Files.readString(Path.of("target/browser-login.log"));
            assertThat(node.exitValue()).as(output).isZero();
            assertThat(output).contains("browser login flow: ok");
        }
    }
}
