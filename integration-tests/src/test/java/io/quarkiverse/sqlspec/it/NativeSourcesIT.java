package io.quarkiverse.sqlspec.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The demo application's native build, up to the point where GraalVM would take over
 * ({@code quarkus.native.sources-only=true}: these machines have no GraalVM): the generated native-image configuration
 * holds what SQLSpec registers. Row types reached only through the mapping API are registered for reflection, the
 * migrations are resources, and the holder of the session-id {@code SecureRandom} is initialized at run time.
 */
class NativeSourcesIT {

    static final Path MODULE = Path.of("").toAbsolutePath();
    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theNativeImageConfigurationHasWhatSqlSpecRegisters() throws Exception {
        // a copy of the application, built on its own: target/ stays the application the other tests start
        Path copy = MODULE.resolve("target/native-build");
        copyTree(MODULE.resolve("src/main"), copy.resolve("src/main"));
        Files.copy(MODULE.resolve("pom.xml"), copy.resolve("pom.xml"), StandardCopyOption.REPLACE_EXISTING);
        List<String> command = new ArrayList<>(List.of(DevModeApp.REPOSITORY.resolve("mvnw").toString(), "-B", "-ntp",
                "package", "-Dmaven.test.skip=true", "-Dquarkus.native.enabled=true",
                "-Dquarkus.native.sources-only=true"));
        File log = MODULE.resolve("target/native-sources.log").toFile();
        Process maven = new ProcessBuilder(command).directory(copy.toFile()).redirectErrorStream(true)
                .redirectOutput(log).start();
        assertThat(maven.waitFor(10, TimeUnit.MINUTES)).as("the native sources build finished").isTrue();
        assertThat(maven.exitValue()).as(Files.readString(log.toPath())).isZero();
        assertThat(Files.readString(log.toPath())).as("DuckDB's JNI driver is not verified in native executables")
                .contains("Datasource 'analytics' is a DuckDB datasource");

        Path build = copy.resolve("target");
        Path sources = build.resolve("native-sources");
        assertThat(Files.readString(sources.resolve("native-image.args"))).contains("--no-fallback");
        Path runner;
        try (var files = Files.list(sources)) {
            runner = files.filter(f -> f.getFileName().toString().endsWith("-runner.jar")).findFirst().orElseThrow();
        }
        try (JarFile jar = new JarFile(runner.toFile())) {
            JsonNode reflection = JSON.readTree(jar.getInputStream(jar.getEntry("META-INF/native-image/reflect-config.json")));
            // read only by DbSession (selectOneOrNull(Account.class, ...)), never by Jackson: SQLSpec's registration
            JsonNode account = entry(reflection, "io.quarkiverse.sqlspec.it.LoginResource$Account");
            assertThat(account).as("the row type of the login query is registered").isNotNull();
            assertThat(account.path("allDeclaredConstructors").asBoolean()).isTrue();
            assertThat(account.path("allDeclaredMethods").asBoolean()).isTrue();
            assertThat(account.path("allDeclaredFields").asBoolean()).isTrue();

            String resources = JSON.readTree(jar.getInputStream(jar.getEntry("META-INF/native-image/resource-config.json")))
                    .toString();
            assertThat(resources).contains("db/migrations/0001_create_demo_schema.sql",
                    "db/migrations/0002_seed_demo_account.sql", "db/migrations/analytics/0001_create_events.sql");

            String feature = new String(jar.getInputStream(jar.getEntry("io/quarkus/runner/Feature.class")).readAllBytes(),
                    StandardCharsets.ISO_8859_1);
            assertThat(feature).as("the session-id generator is initialized at run time")
                    .contains("io.quarkiverse.sqlspec.runtime.httpsession.HttpSessionIds");
        }
        System.out.println("native sources: row types, migrations and run-time initialization registered");
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static JsonNode entry(JsonNode reflection, String className) {
        for (JsonNode entry : reflection) {
            if (className.equals(entry.path("name").asText(entry.path("type").asText()))) {
                return entry;
            }
        }
        return null;
    }
}
