package io.quarkiverse.sqlspec.runtime.migration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

import io.quarkiverse.sqlspec.HttpSessionStore;
import io.quarkus.datasource.common.runtime.DataSourceUtil;

/**
 * SQLSpec's {@code db} commands (and {@code sessions delete-expired}), one implementation for every place they run:
 * a terminal against the packaged application, the dev-mode console, the Dev UI and start-up. Each returns an exit
 * code — unlike SQLSpec, a failed migration is a failure ({@value #FAILED}), and so is a wrong command line
 * ({@value #USAGE}).
 */
public final class DatabaseCommands {

    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;

    static final String USAGE_TEXT = """
            SQLSpec database commands ([--datasource <name>] picks one datasource; the default one is '<default>'):
              init                                 create the migrations directory
              create-migration -m <message> [--sequential]
                                                   write a new migration file (version: the UTC time, or the next number)
              upgrade [<version>|head] [--dry-run] apply the pending migrations (all datasources with migrations)
              downgrade [-1|base|<version>] [--dry-run]
                                                   revert the last migration, all, or those after a version
              current [--verbose]                  show the applied version (--verbose: every applied migration)
              stamp <version>|base                 record migrations as applied up to a version, without running them
              show-config                          show the datasources and their migrations
              sessions delete-expired              delete expired HTTP sessions now""";

    private final Map<String, Migrator> migrators;
    private final Set<String> dataSources;
    private final Optional<HttpSessionStore> httpSessions;
    private final Path resources;

    /**
     * @param migrators the datasources that have migration files, default one first
     * @param dataSources every configured datasource
     * @param resources where {@code init} and {@code create-migration} write: the project's
     *        {@code src/main/resources}
     */
    public DatabaseCommands(Map<String, Migrator> migrators, Set<String> dataSources,
            Optional<HttpSessionStore> httpSessions, Path resources) {
        this.migrators = migrators;
        this.dataSources = dataSources;
        this.httpSessions = httpSessions;
        this.resources = resources;
    }

    /**
     * Runs a command line as typed ({@code create-migration -m "add users" --datasource analytics}): words split on
     * spaces, "quoted words" kept together.
     */
    public int run(String commandLine, Consumer<String> out) {
        return run(words(commandLine), out);
    }

    /** Runs a command line ({@code upgrade head --datasource analytics}), reporting to {@code out}. */
    public int run(List<String> commandLine, Consumer<String> out) {
        Arguments arguments;
        try {
            arguments = Arguments.parse(commandLine);
        } catch (IllegalArgumentException e) {
            out.accept(e.getMessage());
            out.accept(USAGE_TEXT);
            return USAGE;
        }
        try {
            return switch (arguments.command()) {
                case "init" -> init(arguments, out);
                case "create-migration", "make-migration" -> createMigration(arguments, out);
                case "upgrade" -> forEach(arguments, true, migrator -> migrator
                        .upgrade(arguments.positional("head"), arguments.flag("dry-run"), out));
                case "downgrade" -> forEach(arguments, false, migrator -> migrator
                        .downgrade(arguments.positional("-1"), arguments.flag("dry-run"), out));
                case "current", "show-current-revision" -> forEach(arguments, true,
                        migrator -> current(migrator, arguments.flag("verbose"), out));
                case "stamp" -> forEach(arguments, false, migrator -> migrator.stamp(arguments.required("version"), out));
                case "show-config" -> showConfig(out);
                case "sessions" -> sessions(arguments, out);
                case "help" -> {
                    out.accept(USAGE_TEXT);
                    yield OK;
                }
                default -> usage("Unknown command '" + arguments.command() + "'", out);
            };
        } catch (IllegalArgumentException e) {
            return usage(e.getMessage(), out);
        } catch (MigrationException e) {
            out.accept("FAILED: " + e.getMessage());
            return FAILED;
        } catch (RuntimeException e) {
            out.accept("FAILED: " + e);
            return FAILED;
        }
    }

    /** Splits a command line on spaces, keeping "quoted words" together. */
    static List<String> words(String commandLine) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (char c : commandLine.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
                any = true;
            } else if (Character.isWhitespace(c) && !quoted) {
                if (any) {
                    words.add(word.toString());
                    word.setLength(0);
                    any = false;
                }
            } else {
                word.append(c);
                any = true;
            }
        }
        if (any) {
            words.add(word.toString());
        }
        return words;
    }

    private static int usage(String problem, Consumer<String> out) {
        out.accept(problem);
        out.accept(USAGE_TEXT);
        return USAGE;
    }

    /**
     * Runs a command for the datasource chosen with {@code --datasource}; without it, for every datasource with
     * migrations when {@code all} (reading and upgrading), else for the only one.
     */
    private int forEach(Arguments arguments, boolean all, Consumer<Migrator> command) {
        List<Migrator> chosen = new ArrayList<>();
        Optional<String> named = arguments.option("datasource");
        if (named.isPresent()) {
            String name = named.get().equals("default") ? DataSourceUtil.DEFAULT_DATASOURCE_NAME : named.get();
            Migrator migrator = migrators.get(name);
            if (migrator == null) {
                throw new IllegalArgumentException("Datasource '" + name + "' has no migrations (datasources with"
                        + " migrations: " + migrators.keySet() + "; configured: " + dataSources + ")");
            }
            chosen.add(migrator);
        } else if (all || migrators.size() == 1) {
            chosen.addAll(migrators.values());
        } else {
            throw new IllegalArgumentException("Several datasources have migrations " + migrators.keySet()
                    + ": choose one with --datasource <name>");
        }
        if (chosen.isEmpty()) {
            throw new IllegalArgumentException("No datasource has migrations: create one with 'create-migration -m"
                    + " <message>' (files go in src/main/resources/db/migrations)");
        }
        chosen.forEach(command);
        return OK;
    }

    private static void current(Migrator migrator, boolean verbose, Consumer<String> out) {
        MigrationStatus status = migrator.status();
        out.accept(migrator.dataSource() + ": " + (status.current() == null ? "no migration applied yet"
                : "current version " + status.current()) + ", " + status.pending().size() + " pending");
        if (verbose) {
            for (AppliedMigration row : status.applied()) {
                out.accept(String.format(Locale.ROOT, "  %-16s %-40s applied %s in %s ms by %s", row.version(),
                        row.description(), row.appliedAt(), row.executionTimeMs(), row.appliedBy()));
            }
            for (Migration migration : status.pending()) {
                out.accept(String.format(Locale.ROOT, "  %-16s %-40s pending (%s)", migration.version(),
                        migration.description(), migration.file()));
            }
        }
        for (Migration migration : status.modified()) {
            out.accept("  MODIFIED " + migration.version() + ": " + migration.file() + " changed after it was applied");
        }
        for (AppliedMigration row : status.missing()) {
            out.accept("  MISSING  " + row.version() + ": applied, but no file has this version");
        }
    }

    private int showConfig(Consumer<String> out) {
        for (String dataSource : dataSources) {
            Migrator migrator = migrators.get(dataSource);
            out.accept(dataSource + ": " + (migrator == null ? "no migrations"
                    : migrator.migrations().size() + " migration(s) in " + directory(dataSource, "db/migrations")
                            + ", tracked in " + Migrator.TABLE));
        }
        out.accept("HTTP sessions: " + (httpSessions.isPresent() ? "enabled" : "disabled"));
        return OK;
    }

    private int sessions(Arguments arguments, Consumer<String> out) {
        if (!arguments.positional("").equals("delete-expired")) {
            throw new IllegalArgumentException("Unknown sessions command: use 'sessions delete-expired'");
        }
        if (httpSessions.isEmpty()) {
            out.accept("HTTP sessions are not enabled (quarkus.sqlspec.http-session.enabled=true)");
            return FAILED;
        }
        long deleted = httpSessions.get().deleteExpired();
        out.accept(deleted < 0 ? "Another instance is deleting expired sessions right now; nothing done"
                : "Deleted " + deleted + " expired session(s)");
        return OK;
    }

    private int init(Arguments arguments, Consumer<String> out) {
        for (String dataSource : chosenOrDefault(arguments)) {
            Path directory = resources.resolve(directory(dataSource, "db/migrations"));
            write(directory.resolve("README.md"), README, false);
            out.accept("Initialized migrations in " + directory);
        }
        return OK;
    }

    private int createMigration(Arguments arguments, Consumer<String> out) {
        String message = arguments.option("m").or(() -> arguments.option("message"))
                .orElseThrow(() -> new IllegalArgumentException("create-migration needs -m <message>"));
        String dataSource = chosenOrDefault(arguments).get(0);
        Path directory = resources.resolve(directory(dataSource, "db/migrations"));
        MigrationVersion version = arguments.flag("sequential") ? nextSequential(dataSource, directory)
                : MigrationVersion.now();
        String slug = slug(message);
        Path file = directory.resolve(version + "_" + slug + ".sql");
        write(file, """
                -- SQLSpec Migration
                -- Version: %1$s
                -- Description: %2$s
                -- Created: %3$s

                -- name: migrate-%1$s-up
                CREATE TABLE placeholder (
                    id INTEGER PRIMARY KEY
                );

                -- name: migrate-%1$s-down
                DROP TABLE placeholder;
                """.formatted(version, message.isBlank() ? "New migration" : message.strip(),
                OffsetDateTime.now(ZoneOffset.UTC)), true);
        out.accept("Created migration: " + file);
        return OK;
    }

    private List<String> chosenOrDefault(Arguments arguments) {
        String name = arguments.option("datasource").orElse(DataSourceUtil.DEFAULT_DATASOURCE_NAME);
        if (name.equals("default")) {
            name = DataSourceUtil.DEFAULT_DATASOURCE_NAME;
        }
        if (!dataSources.contains(name)) {
            throw new IllegalArgumentException("No datasource named '" + name + "'; configured: " + dataSources);
        }
        return List.of(name);
    }

    private MigrationVersion nextSequential(String dataSource, Path directory) {
        MigrationVersion highest = MigrationVersion.parse("0");
        Migrator migrator = migrators.get(dataSource);
        List<MigrationVersion> known = new ArrayList<>();
        if (migrator != null) {
            migrator.migrations().forEach(migration -> known.add(migration.version()));
        }
        if (Files.isDirectory(directory)) {
            try (Stream<Path> files = Files.list(directory)) {
                files.map(path -> path.getFileName().toString()).filter(name -> name.matches("\\d+(_.*)?\\.sql"))
                        .forEach(name -> known.add(MigrationVersion.parse(name.split("[_.]", 2)[0])));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        for (MigrationVersion version : known) {
            if (version.kind() == MigrationVersion.Kind.SEQUENTIAL && version.compareTo(highest) > 0) {
                highest = version;
            }
        }
        return highest.nextSequential();
    }

    /** {@code db/migrations} for the default datasource, {@code db/migrations/<name>} for a named one. */
    static String directory(String dataSource, String root) {
        return DataSourceUtil.isDefault(dataSource) ? root : root + "/" + dataSource;
    }

    /** SQLSpec's file-name slug: ASCII, lower case, runs of other characters as one '_', at most 50 characters. */
    static String slug(String message) {
        String ascii = Normalizer.normalize(message, Normalizer.Form.NFKD).replaceAll("[^\\p{ASCII}]", "");
        String slug = ascii.toLowerCase(Locale.ROOT).strip().replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
        slug = slug.length() > 50 ? slug.substring(0, 50).replaceAll("_+$", "") : slug;
        return slug.isEmpty() ? "migration" : slug;
    }

    private static void write(Path file, String content, boolean mustBeNew) {
        try {
            Files.createDirectories(file.getParent());
            if (Files.exists(file)) {
                if (mustBeNew) {
                    throw new IllegalArgumentException(file + " exists already");
                }
                return;
            }
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final String README = """
            # Migrations

            SQL migrations in SQLSpec's format, applied by Quarkus SQLSpec. One file per migration, named
            `<version>_<description>.sql`: a sequential version (`0001`) or a UTC timestamp (`20251011120000`).

            ```sql
            -- name: migrate-0001-up
            CREATE TABLE users (id bigserial PRIMARY KEY, name text NOT NULL);

            -- name: migrate-0001-down
            DROP TABLE users;
            ```

            Files of the default datasource live here; those of a named datasource in a folder named after it.
            Commands: `upgrade`, `downgrade`, `current`, `stamp`, `create-migration -m "..."` (see the SQLSpec guide).
            """;

    /** A parsed command line: the command, its positional arguments, {@code --name value} options and flags. */
    record Arguments(String command, List<String> positionals, Map<String, String> options) {

        private static final Set<String> FLAGS = Set.of("dry-run", "verbose", "sequential", "no-prompt");

        static Arguments parse(List<String> commandLine) {
            if (commandLine.isEmpty()) {
                throw new IllegalArgumentException("No command given");
            }
            Iterator<String> words = commandLine.iterator();
            String command = words.next();
            List<String> positionals = new ArrayList<>();
            Map<String, String> options = new LinkedHashMap<>();
            while (words.hasNext()) {
                String word = words.next();
                if (word.startsWith("-") && !word.equals("-1")) {
                    String name = word.replaceFirst("^--?", "");
                    if (name.equals("bind-key")) {
                        name = "datasource"; // SQLSpec's name for it
                    }
                    if (FLAGS.contains(name)) {
                        options.put(name, "true");
                    } else if (words.hasNext()) {
                        options.put(name, words.next());
                    } else {
                        throw new IllegalArgumentException("Option " + word + " needs a value");
                    }
                } else {
                    positionals.add(word);
                }
            }
            return new Arguments(command, positionals, options);
        }

        String positional(String orElse) {
            return positionals.isEmpty() ? orElse : positionals.get(0);
        }

        String required(String what) {
            if (positionals.isEmpty()) {
                throw new IllegalArgumentException(command + " needs a " + what);
            }
            return positionals.get(0);
        }

        Optional<String> option(String name) {
            return Optional.ofNullable(options.get(name));
        }

        boolean flag(String name) {
            return options.containsKey(name);
        }
    }
}
