package io.quarkiverse.sqlspec.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * Headless Chromium opens every page of the SQLSpec card in the demo application's Dev UI, in dev mode
 * ({@code ./mvnw quarkus:dev}, Dev Services on the embedded PostgreSQL), checks what each shows and that the browser
 * logs no error (src/test/browser/devui.mjs), and saves screenshots in {@code target/devui/}. Needs Debian's chromium
 * and node, like {@link BrowserLoginIT}; without them the test is skipped, saying what is missing.
 */
class DevUiBrowserIT {

    static final Path SCREENSHOTS = Path.of("target", "devui").toAbsolutePath();

    @Test
    void everyPageOfTheCardRendersWhatTheApplicationDid() throws Exception {
        String chromium = System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium");
        assumeTrue(Files.isExecutable(Path.of(chromium)), "Chromium is not installed (apt-get install chromium)");
        assumeTrue(Files.isDirectory(BrowserLoginIT.BROWSER_DIR.resolve("node_modules/playwright-core")),
                "playwright-core is not installed (cd integration-tests/src/test/browser && npm install)");
        Files.createDirectories(SCREENSHOTS);

        try (DevModeApp app = DevModeApp.start(Path.of("").toAbsolutePath(), SCREENSHOTS.resolve("dev-mode.log"))) {
            String requestId = "devui-" + UUID.randomUUID();
            assertThat(PackagedApp.HTTP.send(HttpRequest.newBuilder(app.uri("/users")).header("X-Request-ID", requestId)
                    .build(), HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(200);
            assertThat(PackagedApp.HTTP.send(HttpRequest.newBuilder(app.uri("/login"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"alice\",\"password\":\"secret\"}")).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(200);

            Process node = new ProcessBuilder("node", "devui.mjs", app.uri("").toString(), SCREENSHOTS.toString(),
                    requestId).directory(BrowserLoginIT.BROWSER_DIR.toFile()).redirectErrorStream(true)
                    .redirectOutput(new File("target/browser-devui.log")).start();
            assertThat(node.waitFor(3, TimeUnit.MINUTES)).as("the browser test finished").isTrue();
            String output = Files.readString(Path.of("target/browser-devui.log"));
            assertThat(node.exitValue()).as(output).isZero();
            assertThat(output).contains("dev ui pages: ok");
            assertThat(app.log()).as("dev mode logs no error").doesNotContain("ERROR");
        }
        for (String page : new String[] { "card", "datasources", "statements", "statements-filtered", "http-sessions",
                "migrations", "sql-console" }) {
            assertThat(SCREENSHOTS.resolve("devui-" + page + ".png")).isNotEmptyFile();
        }
    }
}
