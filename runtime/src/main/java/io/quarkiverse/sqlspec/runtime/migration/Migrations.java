package io.quarkiverse.sqlspec.runtime.migration;

import java.util.Map;

/**
 * The migrations of every datasource that has migration files, and the database commands: one bean per application,
 * used at start-up, from the terminal, the dev console, the Dev UI and the readiness check.
 */
public final class Migrations {

    private final Map<String, Migrator> migrators;
    private final DatabaseCommands commands;

    Migrations(Map<String, Migrator> migrators, DatabaseCommands commands) {
        this.migrators = Map.copyOf(migrators);
        this.commands = commands;
    }

    /** By datasource name, for the datasources that have migration files. */
    public Map<String, Migrator> migrators() {
        return migrators;
    }

    public DatabaseCommands commands() {
        return commands;
    }
}
