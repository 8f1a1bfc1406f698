package io.quarkiverse.sqlspec.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The quickstart page, copied literally into a freshly generated Quarkus application, passes its test: no
 * datasource URL, no Docker. The files are the page's titled source blocks ({@code .src/main/...}); the project is
 * generated the way {@code quarkus create app} does, and the extension added as the installation page shows.
 * <p>
 * Needs the extension in the local Maven repository: the build's test command is {@code ./mvnw install}, which
 * installs it before this module's integration tests run.
 */
class QuickstartIT {

    static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();
    static final Path WORK = Path.of("target", "quickstart").toAbsolutePath();
    static final Pattern TITLED_BLOCK = Pattern.compile("\\[source,[a-z]+\\]\\n\\.([\\w/.\\-]+)\\n----\\n(.*?)\\n----\\n",
            Pattern.DOTALL);

    @Test
    void theQuickstartPassesItsTestInAFreshApplication() throws Exception {
        deleteRecursively(WORK);
        Files.createDirectories(WORK);
        maven(WORK, "io.quarkus:quarkus-maven-plugin:" + System.getProperty("quarkus.version", "3.33.2") + ":create",
                "-DplatformGroupId=io.quarkus", "-DplatformArtifactId=quarkus-bom",
                "-DplatformVersion=" + System.getProperty("quarkus.version", "3.33.2"), "-DquarkusRegistryClient=false",
                "-DprojectGroupId=org.acme", "-DprojectArtifactId=hello-sql",
                "-Dextensions=rest-jackson,jdbc-postgresql");
        Path project = WORK.resolve("hello-sql");
        addTheExtensionAsInstallationShows(project.resolve("pom.xml"));

        String page = Files.readString(REPOSITORY.resolve("docs/modules/ROOT/pages/quickstart.adoc"));
        List<String> written = new ArrayList<>();
        Matcher block = TITLED_BLOCK.matcher(page);
        while (block.find()) {
            Path file = project.resolve(block.group(1));
            Files.createDirectories(file.getParent());
            Files.writeString(file, block.group(2) + "\n");
            written.add(block.group(1));
        }
        assertThat(written).contains("src/main/resources/db/migrations/0001_create_users.sql",
                "src/main/java/org/acme/UserResource.java", "src/test/java/org/acme/UserResourceTest.java");

        // other processes may hold 8081, the default test port
        String output = maven(project, "test", "-Dquarkus.http.test-port=0");
        assertThat(output).contains("Tests run: 1, Failures: 0, Errors: 0, Skipped: 0, Time elapsed")
                .contains("in org.acme.UserResourceTest").contains("BUILD SUCCESS");
        System.out.printf("quickstart: %s copied into a generated application, ./mvnw test passed%n", written);

        runItInDevMode(project, page);
        packagedWithoutAUrlItDoesNotStart(project);
    }

    /** In prod there are no Dev Services: without a JDBC URL the start fails, naming the property to set. */
    private static void packagedWithoutAUrlItDoesNotStart(Path project) throws Exception {
        maven(project, "package", "-DskipTests");
        File log = WORK.resolve("prod-without-url.log").toFile();
        Process app = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dquarkus.http.port=0", "-Dquarkus.http.host=127.0.0.1", "-jar", "target/quarkus-app/quarkus-run.jar")
                .directory(project.toFile()).redirectErrorStream(true).redirectOutput(log).start();
        try {
            assertThat(app.waitFor(60, TimeUnit.SECONDS)).as("the application gave up starting").isTrue();
        } finally {
            app.destroyForcibly();
        }
        String output = Files.readString(log.toPath(), StandardCharsets.UTF_8);
        assertThat(app.exitValue()).as(output).isNotZero();
        assertThat(output).contains("set configuration property 'quarkus.datasource.jdbc.url'")
                .contains("org.acme.UserResource#db").doesNotContain("Listening on");
        System.out.println("quickstart: packaged without a JDBC URL, the start fails naming quarkus.datasource.jdbc.url");
    }

    /**
     * Step 5 of the page: {@code quarkus dev} prints the line the page shows, the page's curl commands work, and the
     * Dev UI is served (with the extension declared before quarkus-rest, the shape that once made it answer 404).
     */
    private static void runItInDevMode(Path project, String page) throws Exception {
        Matcher documentedLine = Pattern.compile("\\n([^\\n]*INFO .*Embedded PostgreSQL .*)\\n").matcher(page);
        assertThat(documentedLine.find()).as("the page shows the Dev Services log line").isTrue();
        Matcher curlBody = Pattern.compile("curl -X POST localhost:8080/users .* -d '([^']*)'").matcher(page);
        assertThat(curlBody.find()).as("the page posts a user with curl").isTrue();

        try (DevModeApp app = DevModeApp.start(project, WORK.resolve("dev-mode.log"))) {
            assertThat(app.status("/q/dev-ui/")).as("the Dev UI is served").isEqualTo(200);
            assertThat(app.status("/q/dev-ui/devui-data.js")).isEqualTo(200);
            String log = app.log();
            String expected = normalized(documentedLine.group(1));
            assertThat(log.lines().map(QuickstartIT::normalized).anyMatch(expected::equals))
                    .as("dev mode prints the page's line %s:%n%s", documentedLine.group(1), log).isTrue();
            assertThat(log).as("dev mode logs no error").doesNotContain("ERROR");

            HttpResponse<String> created = PackagedApp.HTTP.send(HttpRequest.newBuilder(app.uri("/users"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(curlBody.group(1)))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
            assertThat(PackagedApp.HTTP.send(HttpRequest.newBuilder(app.uri("/users")).build(),
                    HttpResponse.BodyHandlers.ofString()).body()).contains("ada@example.com");
            Matcher postgres = DevModeApp.EMBEDDED_POSTGRES_STARTED.matcher(log);
            assertThat(postgres.find()).isTrue();
            try (Connection connection = DriverManager.getConnection(
                    "jdbc:postgresql://127.0.0.1:" + postgres.group(1) + "/quarkus", "quarkus", "quarkus");
                    Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("SELECT count(*) FROM users WHERE email = 'ada@example.com'")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getInt(1)).as("the user is committed").isEqualTo(1);
            }
        }
        System.out.println("quickstart: quarkus dev prints the documented line, serves the Dev UI and the page's requests");
    }

    /** A log line without its time stamp and thread, its numbers (port, milliseconds) as {@code #}. */
    private static String normalized(String line) {
        return line.replaceFirst("^[\\d-]+ [\\d:,.]+ ", "").replaceFirst("^[\\d:,.]+ ", "")
                .replaceFirst("\\] \\([^)]*\\) ", "] ").replaceAll("\\d+", "#");
    }

    /**
     * Adds SQLSpec the way the installation page says, with its snippets taken literally: the BOM after the Quarkus BOM,
     * the extension first among the dependencies (before quarkus-rest: the shape that once lost the Dev UI).
     */
    private static void addTheExtensionAsInstallationShows(Path pom) throws Exception {
        String installation = Files.readString(REPOSITORY.resolve("docs/modules/ROOT/pages/installation.adoc"));
        String bom = snippet(installation, ".pom.xml, in <dependencyManagement><dependencies>");
        String dependencies = snippet(installation, ".pom.xml, in <dependencies>");
        String content = Files.readString(pom);
        int managed = content.indexOf("</dependencies>", content.indexOf("<dependencyManagement>"));
        content = content.substring(0, managed) + bom + "\n" + content.substring(managed);
        int used = content.indexOf("<dependencies>", content.indexOf("</dependencyManagement>")) + "<dependencies>".length();
        Files.writeString(pom, content.substring(0, used) + "\n" + dependencies + content.substring(used));
    }

    /** The body of the page's source block whose title starts with {@code title}. */
    private static String snippet(String page, String title) {
        Matcher block = Pattern.compile("\\n" + Pattern.quote(title) + "[^\\n]*\\n----\\n(.*?)\\n----\\n", Pattern.DOTALL)
                .matcher(page);
        assertThat(block.find()).as("the page has a block titled %s", title).isTrue();
        return block.group(1);
    }

    /** Runs the repository's Maven wrapper in {@code directory}; fails the test if Maven fails, showing its output. */
    private static String maven(Path directory, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(REPOSITORY.resolve("mvnw").toString(), "-B", "-ntp"));
        command.addAll(List.of(arguments));
        File log = WORK.resolve("maven-" + System.nanoTime() + ".log").toFile();
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                .redirectOutput(log).start();
        assertThat(process.waitFor(10, TimeUnit.MINUTES)).as("Maven %s finished", List.of(arguments)).isTrue();
        String output = Files.readString(log.toPath(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as("Maven %s in %s:%n%s", List.of(arguments), directory, output).isZero();
        return output;
    }

    private static void deleteRecursively(Path path) throws Exception {
        if (Files.exists(path)) {
            try (var files = Files.walk(path)) {
                files.sorted((a, b) -> b.compareTo(a)).forEach(file -> file.toFile().delete());
            }
        }
    }
}
