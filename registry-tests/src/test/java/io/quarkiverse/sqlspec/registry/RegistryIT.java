package io.quarkiverse.sqlspec.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.maven.model.Dependency;
import org.apache.maven.model.Model;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.bootstrap.resolver.maven.workspace.ModelUtils;
import io.quarkus.devtools.commands.AddExtensions;
import io.quarkus.devtools.commands.CreateProject;
import io.quarkus.devtools.commands.data.QuarkusCommandOutcome;
import io.quarkus.devtools.project.BuildTool;
import io.quarkus.devtools.project.QuarkusProjectHelper;
import io.quarkus.devtools.testing.registry.client.TestRegistryClientBuilder;
import io.quarkus.maven.dependency.ArtifactCoords;
import io.quarkus.registry.catalog.Extension;
import io.quarkus.registry.catalog.ExtensionCatalog;
import io.quarkus.registry.config.RegistriesConfigLocator;

/**
 * What a user does with the Quarkus CLI once the extension is published in the Quarkus registry —
 * {@code quarkus create app -x sqlspec} and {@code quarkus ext add sqlspec} — run with the CLI's own code
 * ({@link CreateProject}, {@link AddExtensions}) against an offline registry that holds the Quarkus platform and, as a
 * non-platform extension, this extension with the metadata of its runtime jar's {@code META-INF/quarkus-extension.yaml}
 * (what registry.quarkus.io publishes). Each generated project is then built with its own Maven wrapper.
 * <p>
 * Needs the extension and its codestarts jar in the local Maven repository: the build's test command is
 * {@code ./mvnw install}, which installs them before this module runs.
 */
class RegistryIT {

    static final String QUARKUS = System.getProperty("quarkus.version", "3.33.2");
    static final String SQLSPEC = System.getProperty("sqlspec.version", "999-SNAPSHOT");
    static final String GROUP_ID = "io.quarkiverse.sqlspec";
    static final String ARTIFACT_ID = "quarkus-sqlspec";
    static final String REGISTRY_ID = "registry.sqlspec.test";

    static final Path WORK = Path.of("target", "registry-it").toAbsolutePath();
    static final Path REGISTRY = WORK.resolve("registry");

    static final Map<String, String> previous = new HashMap<>();

    @BeforeAll
    static void registryWithTheExtension() throws Exception {
        deleteRecursively(WORK);
        Files.createDirectories(WORK);

        // The Quarkus platform (io.quarkus:quarkus-bom, its catalog resolved from Maven) and an empty non-platform catalog
        TestRegistryClientBuilder.newInstance()
                .baseDir(REGISTRY)
                .newRegistry(REGISTRY_ID)
                .newPlatform("io.quarkus")
                .newStream(QUARKUS.substring(0, QUARKUS.lastIndexOf('.')))
                .newRelease(QUARKUS)
                .quarkusVersion(QUARKUS)
                .addMemberBom(ArtifactCoords.pom("io.quarkus", "quarkus-bom", QUARKUS))
                .registry()
                .newNonPlatformCatalog(QUARKUS)
                .registry()
                .clientBuilder()
                .build();

        // The extension, with its published metadata, in the non-platform catalog (as registry.quarkus.io lists it)
        Path json = REGISTRY.resolve(REGISTRY_ID).resolve("non-platform").resolve(QUARKUS + ".json");
        ExtensionCatalog.Mutable catalog = ExtensionCatalog.mutableFromFile(json);
        Extension.Mutable sqlspec = publishedMetadata();
        assertThat(sqlspec.getMetadata()).containsKey("codestart");
        sqlspec.setOrigins(List.of(catalog));
        catalog.setExtensions(List.of(sqlspec));
        catalog.persist(json);

        // What `quarkus` reads: ~/.quarkus/config.yaml, here the test registry's (see RegistryClientTestHelper)
        setProperty(RegistriesConfigLocator.CONFIG_FILE_PATH_PROPERTY, REGISTRY.resolve("config.yaml").toString());
        setProperty("quarkusRegistryClient", "true");
        QuarkusProjectHelper.reset();
    }

    @AfterAll
    static void restoreProperties() {
        previous.forEach((name, value) -> {
            if (value == null) {
                System.clearProperty(name);
            } else {
                System.setProperty(name, value);
            }
        });
        QuarkusProjectHelper.reset();
    }

    /** {@code quarkus create app org.acme:greetings -x sqlspec}: the extension's codestart, and its test passes. */
    @Test
    void createAppWithTheExtensionAppliesItsCodestart() throws Exception {
        Path project = WORK.resolve("greetings");
        QuarkusCommandOutcome<?> outcome = new CreateProject(QuarkusProjectHelper.getProject(project, BuildTool.MAVEN))
                .groupId("org.acme").artifactId("greetings").version("1.0.0-SNAPSHOT")
                .extensions(Set.of("sqlspec"))
                .execute();
        assertThat(outcome.isSuccess()).as("create app -x sqlspec: %s", outcome.getMessage()).isTrue();

        assertThat(dependencies(project)).contains(GROUP_ID + ":" + ARTIFACT_ID + ":" + SQLSPEC,
                "io.quarkus:quarkus-jdbc-postgresql:null", "io.quarkus:quarkus-rest-jackson:null",
                "io.rest-assured:rest-assured:null");
        assertThat(project.resolve("src/main/java/org/acme/GreetingsResource.java")).content()
                .contains("@Inject", "DbSession db;", "@Path(\"/greetings\")");
        assertThat(project.resolve("src/main/resources/db/migrations/0001_create_greetings.sql")).content()
                .contains("-- name: migrate-0001-up", "CREATE TABLE greetings");
        assertThat(project.resolve("src/test/java/org/acme/GreetingsResourceTest.java")).content()
                .contains("@QuarkusTest");
        // no rest default codestart next to it, and nothing to configure: Dev Services start PostgreSQL
        assertThat(project.resolve("src/main/java/org/acme/GreetingResource.java")).doesNotExist();
        assertThat(project.resolve("src/main/resources/application.properties")).content().doesNotContain("jdbc.url");

        String output = mavenWrapper(project, "test", "-Dquarkus.http.test-port=0");
        assertThat(output).contains("Tests run: 1, Failures: 0, Errors: 0, Skipped: 0", "in org.acme.GreetingsResourceTest",
                "BUILD SUCCESS");
    }

    /**
     * {@code quarkus ext add sqlspec} and {@code quarkus ext add io.quarkiverse.sqlspec:quarkus-sqlspec} in an
     * application created without it: the dependency, with its version (the extension is not in the platform BOM), and
     * the application still builds and passes its tests.
     */
    @ParameterizedTest
    @ValueSource(strings = { "sqlspec", GROUP_ID + ":" + ARTIFACT_ID })
    void addTheExtensionToAnApplication(String query) throws Exception {
        Path project = WORK.resolve("add-" + query.replace(':', '-'));
        QuarkusCommandOutcome<?> created = new CreateProject(QuarkusProjectHelper.getProject(project, BuildTool.MAVEN))
                .groupId("org.acme").artifactId(project.getFileName().toString()).version("1.0.0-SNAPSHOT")
                .extensions(Set.of("rest", "jdbc-postgresql"))
                .execute();
        assertThat(created.isSuccess()).as("create app: %s", created.getMessage()).isTrue();
        assertThat(dependencies(project)).noneMatch(d -> d.startsWith(GROUP_ID));

        QuarkusCommandOutcome<?> added = new AddExtensions(QuarkusProjectHelper.getProject(project))
                .extensions(Set.of(query))
                .execute();
        assertThat(added.isSuccess()).as("ext add %s: %s", query, added.getMessage()).isTrue();
        assertThat(added.getValue(AddExtensions.OUTCOME_UPDATED, false)).isTrue();
        assertThat(dependencies(project)).contains(GROUP_ID + ":" + ARTIFACT_ID + ":" + SQLSPEC);

        String output = mavenWrapper(project, "package", "-Dquarkus.http.test-port=0");
        assertThat(output).contains("Tests run: 1, Failures: 0, Errors: 0, Skipped: 0", "BUILD SUCCESS");
        assertThat(project.resolve("target/quarkus-app/quarkus-run.jar")).exists();
    }

    // ------------------------------------------------------------------------------------------------------------------

    /** The runtime jar's META-INF/quarkus-extension.yaml, as written by quarkus-extension-maven-plugin. */
    private static Extension.Mutable publishedMetadata() throws IOException {
        for (URL url : Collections.list(RegistryIT.class.getClassLoader().getResources("META-INF/quarkus-extension.yaml"))) {
            Path copy = Files.createTempFile(WORK, "quarkus-extension", ".yaml");
            try (InputStream in = url.openStream()) {
                Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
            }
            Extension.Mutable extension = Extension.mutableFromFile(copy);
            if (extension.getArtifact() != null && GROUP_ID.equals(extension.getArtifact().getGroupId())
                    && ARTIFACT_ID.equals(extension.getArtifact().getArtifactId())) {
                assertThat(extension.getArtifact().getVersion()).isEqualTo(SQLSPEC);
                return extension;
            }
        }
        throw new AssertionError("No META-INF/quarkus-extension.yaml of " + GROUP_ID + ":" + ARTIFACT_ID
                + " on the test classpath");
    }

    private static List<String> dependencies(Path project) throws IOException {
        Model model = ModelUtils.readModel(project.resolve("pom.xml"));
        List<String> dependencies = new ArrayList<>();
        for (Dependency d : model.getDependencies()) {
            dependencies.add(d.getGroupId() + ":" + d.getArtifactId() + ":" + d.getVersion());
        }
        return dependencies;
    }

    /** Runs the generated project's own Maven wrapper; fails the test if Maven fails, showing its output. */
    private static String mavenWrapper(Path project, String... arguments) throws Exception {
        Path mvnw = project.resolve("mvnw");
        assertThat(mvnw).exists();
        mvnw.toFile().setExecutable(true);
        List<String> command = new ArrayList<>(List.of(mvnw.toString(), "-B", "-ntp"));
        command.addAll(List.of(arguments));
        File log = WORK.resolve(project.getFileName() + "-maven.log").toFile();
        Process process = new ProcessBuilder(command).directory(project.toFile()).redirectErrorStream(true)
                .redirectOutput(log).start();
        assertThat(process.waitFor(10, TimeUnit.MINUTES)).as("Maven %s finished", List.of(arguments)).isTrue();
        String output = Files.readString(log.toPath(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as("Maven %s in %s:%n%s", List.of(arguments), project, output).isZero();
        return output;
    }

    private static void setProperty(String name, String value) {
        previous.putIfAbsent(name, System.getProperty(name));
        System.setProperty(name, value);
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (Files.exists(path)) {
            try (Stream<Path> files = Files.walk(path)) {
                files.sorted(Collections.reverseOrder()).forEach(file -> {
                    try {
                        Files.delete(file);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
        }
    }
}
