package io.quarkiverse.sqlspec.test.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.aesh.command.AeshCommandRuntimeBuilder;
import org.aesh.command.CommandResult;
import org.aesh.command.CommandRuntime;
import org.aesh.command.impl.registry.AeshCommandRegistryBuilder;
import org.aesh.command.invocation.CommandInvocation;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.sqlspec.deployment.migration.DatabaseConsoleCommand;
import io.quarkiverse.sqlspec.runtime.migration.MigrationRecorder;
import io.quarkiverse.sqlspec.test.FreePort;
import io.quarkus.dev.console.DevConsoleManager;
import io.quarkus.test.QuarkusDevModeTest;

/**
 * In dev mode the migrations apply at start, and the console's {@code sqlspec} commands run in the application.
 */
class DevConsoleCommandTest {

    static final int PORT = FreePort.pick();
    static final Path SOURCES = temporaryDirectory();

    @RegisterExtension
    static final QuarkusDevModeTest dev = new QuarkusDevModeTest()
            .withApplicationRoot(jar -> jar.addClass(FreePort.class)
                    .addAsResource(new StringAsset("quarkus.http.port=" + PORT + "\n"
                            + "quarkus.datasource.db-kind=postgresql\n"
                            + "quarkus.sqlspec.migration-source-directory=" + SOURCES + "\n"), "application.properties")
                    .addAsResource(new StringAsset(MigrationCommandsTest.FIRST), "db/migrations/0001_create_things.sql"));

    @Test
    void consoleCommandsRunInTheRunningApplication() throws Exception {
        Map<String, String> current = DevConsoleManager.invoke(MigrationRecorder.DEV_CONSOLE_ACTION,
                Map.of("args", "current"));
        assertThat(current).containsEntry("exitCode", "0");
        assertThat(current.get("output")).as("applied at start in dev mode").contains("current version 0001, 0 pending");

        CommandRuntime<CommandInvocation> console = AeshCommandRuntimeBuilder.builder()
                .commandRegistry(AeshCommandRegistryBuilder.builder().command(new DatabaseConsoleCommand()).create())
                .build();
        assertThat(console.executeCommand("sqlspec current --verbose").getResultValue())
                .isEqualTo(CommandResult.SUCCESS.getResultValue());
        assertThat(console.executeCommand("sqlspec create-migration -m \"add colors\" --sequential").getResultValue())
                .isEqualTo(CommandResult.SUCCESS.getResultValue());
        assertThat(SOURCES.resolve("db/migrations/0002_add_colors.sql")).content()
                .contains("-- name: migrate-0002-up").contains("-- Description: add colors");
        assertThat(console.executeCommand("sqlspec stamp 0042").getResultValue())
                .isEqualTo(CommandResult.FAILURE.getResultValue());
    }

    static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("sqlspec-dev-console");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
