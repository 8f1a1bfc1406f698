package io.quarkiverse.sqlspec.deployment.migration;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.aesh.command.Command;
import org.aesh.command.CommandDefinition;
import org.aesh.command.CommandResult;
import org.aesh.command.GroupCommand;
import org.aesh.command.GroupCommandDefinition;
import org.aesh.command.invocation.CommandInvocation;
import org.aesh.command.option.Argument;
import org.aesh.command.option.Option;

import io.quarkiverse.sqlspec.runtime.migration.MigrationRecorder;
import io.quarkus.dev.console.DevConsoleManager;

/**
 * The database commands in the dev-mode console ({@code :} then {@code sqlspec upgrade}, {@code sqlspec current
 * --verbose}, ...). Each runs in the running application, through {@link DevConsoleManager}, the same code as
 * {@code quarkus.sqlspec.cli} in production.
 */
@GroupCommandDefinition(name = "sqlspec", description = "SQLSpec database commands: migrations and HTTP sessions")
public class DatabaseConsoleCommand implements GroupCommand {

    @Option(shortName = 'h', hasValue = false, overrideRequired = true)
    public boolean help;

    @Override
    public List<Command> getCommands() {
        return List.of(new Upgrade(), new Downgrade(), new Current(), new Stamp(), new CreateMigration(), new Init(),
                new ShowConfig(), new DeleteExpiredSessions());
    }

    @Override
    public CommandResult execute(CommandInvocation invocation) {
        invocation.getShell().writeln(invocation.getHelpInfo());
        return CommandResult.SUCCESS;
    }

    /** Runs a command line in the application and prints what it printed. */
    static CommandResult run(CommandInvocation invocation, List<String> commandLine) {
        Map<String, String> result = DevConsoleManager.invoke(MigrationRecorder.DEV_CONSOLE_ACTION,
                Map.of("args", String.join(" ", commandLine.stream().map(word -> word.contains(" ") ? '"' + word + '"'
                        : word).toList())));
        invocation.print(result.get("output"));
        return "0".equals(result.get("exitCode")) ? CommandResult.SUCCESS : CommandResult.FAILURE;
    }

    abstract static class DatabaseCommand implements Command {

        @Option(name = "datasource", description = "the datasource (default: the default one, or every one with migrations)")
        String datasource;

        /** The command line of the shared implementation. */
        abstract List<String> commandLine();

        @Override
        public CommandResult execute(CommandInvocation invocation) {
            List<String> line = new ArrayList<>(commandLine());
            if (datasource != null) {
                line.add("--datasource");
                line.add(datasource);
            }
            return run(invocation, line);
        }

        static List<String> with(String command, String argument, boolean flag, String flagName) {
            List<String> line = new ArrayList<>(List.of(command));
            if (argument != null) {
                line.add(argument);
            }
            if (flag) {
                line.add("--" + flagName);
            }
            return line;
        }
    }

    @CommandDefinition(name = "upgrade", description = "Apply the pending migrations (up to a version; default head)")
    static class Upgrade extends DatabaseCommand {
        @Argument(description = "version, or head")
        String version;
        @Option(name = "dry-run", hasValue = false, description = "show what would be applied")
        boolean dryRun;

        @Override
        List<String> commandLine() {
            return with("upgrade", version, dryRun, "dry-run");
        }
    }

    @CommandDefinition(name = "downgrade", description = "Revert migrations: -1 (default), base, or those after a version")
    static class Downgrade extends DatabaseCommand {
        @Argument(description = "-1, base or a version")
        String version;
        @Option(name = "dry-run", hasValue = false, description = "show what would be reverted")
        boolean dryRun;

        @Override
        List<String> commandLine() {
            return with("downgrade", version, dryRun, "dry-run");
        }
    }

    @CommandDefinition(name = "current", description = "Show the applied version")
    static class Current extends DatabaseCommand {
        @Option(name = "verbose", shortName = 'v', hasValue = false, description = "list every migration")
        boolean verbose;

        @Override
        List<String> commandLine() {
            return with("current", null, verbose, "verbose");
        }
    }

    @CommandDefinition(name = "stamp", description = "Record migrations as applied up to a version, without running them")
    static class Stamp extends DatabaseCommand {
        @Argument(description = "a version, or base", required = true)
        String version;

        @Override
        List<String> commandLine() {
            return with("stamp", version, false, null);
        }
    }

    @CommandDefinition(name = "create-migration", description = "Write a new migration file")
    static class CreateMigration extends DatabaseCommand {
        @Option(shortName = 'm', name = "message", required = true, description = "what the migration does")
        String message;
        @Option(name = "sequential", hasValue = false, description = "number it 0001, 0002... instead of the UTC time")
        boolean sequential;

        @Override
        List<String> commandLine() {
            List<String> line = new ArrayList<>(List.of("create-migration", "-m", message));
            if (sequential) {
                line.add("--sequential");
            }
            return line;
        }
    }

    @CommandDefinition(name = "init", description = "Create the migrations directory")
    static class Init extends DatabaseCommand {
        @Override
        List<String> commandLine() {
            return List.of("init");
        }
    }

    @CommandDefinition(name = "show-config", description = "Show the datasources and their migrations")
    static class ShowConfig extends DatabaseCommand {
        @Override
        List<String> commandLine() {
            return List.of("show-config");
        }
    }

    @CommandDefinition(name = "delete-expired-sessions", description = "Delete expired HTTP sessions now")
    static class DeleteExpiredSessions extends DatabaseCommand {
        @Override
        List<String> commandLine() {
            return List.of("sessions", "delete-expired");
        }
    }
}
