package io.quarkiverse.sqlspec.runtime.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Supplier;

import javax.sql.DataSource;

import io.quarkiverse.sqlspec.runtime.jdbc.SqlExceptions;
import io.quarkiverse.sqlspec.runtime.sql.SqlDialect;
import io.quarkiverse.sqlspec.runtime.sql.SqlScripts;

/**
 * Applies and reverts one datasource's migrations, recording them in {@code ddl_migrations} with SQLSpec's columns.
 * <p>
 * Every command that changes the database holds a lock for its whole run, so that any number of instances migrating
 * at once apply each migration exactly once: the others wait, then find it applied. On PostgreSQL it is an advisory
 * lock; a DuckDB file is open in one process only, so there a lock in this JVM is every writer's lock. Each
 * migration runs with its tracking row in one transaction (unless its file says {@code -- transactional: false}),
 * so a failed migration leaves neither its changes nor its row. Migrations already applied are compared with their
 * files by checksum; a file changed after it was applied stops {@code upgrade} until the difference is resolved.
 */
public final class Migrator {

    static final String TABLE = "ddl_migrations";
    /**
     * Static because a lock must be shared by every application started in this JVM (dev-mode restarts, test
     * applications) that may migrate the same DuckDB file; one lock per datasource name.
     */
    private static final Map<String, ReentrantLock> IN_PROCESS_LOCKS = new ConcurrentHashMap<>();

    private final String dataSource;
    private final Supplier<? extends DataSource> pool;
    private final SqlExceptions errors;
    private final List<Migration> migrations;
    private final SqlDialect dialect;

    /**
     * @param pool looked up when a command runs: a datasource that is configured but inactive fails only when used
     * @param migrations the datasource's migration files, in version order
     */
    public Migrator(String dataSource, SqlDialect dialect, Supplier<? extends DataSource> pool, SqlExceptions errors,
            List<Migration> migrations) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.pool = pool;
        this.errors = errors;
        this.migrations = List.copyOf(migrations);
    }

    public String dataSource() {
        return dataSource;
    }

    public List<Migration> migrations() {
        return migrations;
    }

    /** Reads where the database stands; changes nothing (a database without the tracking table has applied none). */
    public MigrationStatus status() {
        return withConnection(connection -> status(connection, tableExists(connection) ? applied(connection)
                : List.of()));
    }

    /**
     * Applies the pending migrations up to {@code target} ({@code head} for all).
     *
     * @return the migrations applied (or, with {@code dryRun}, that would be)
     */
    public List<Migration> upgrade(String target, boolean dryRun, Consumer<String> out) {
        MigrationVersion limit = target.equals("head") ? null : known(target).version();
        return locked(connection -> {
            MigrationStatus status = status(connection, applied(connection));
            if (!status.modified().isEmpty()) {
                throw new MigrationException(modifiedMessage(status.modified()));
            }
            List<Migration> pending = status.pending().stream()
                    .filter(migration -> limit == null || migration.version().compareTo(limit) <= 0).toList();
            if (pending.isEmpty()) {
                out.accept(dataSource + ": already at the latest version" + current(status));
                return pending;
            }
            out.accept(dataSource + ": " + pending.size() + " pending migration(s)" + (dryRun ? " (dry run)" : ""));
            for (Migration migration : pending) {
                if (dryRun) {
                    out.accept("  would apply " + migration.version() + ": " + migration.description() + " ("
                            + migration.file() + ")");
                    continue;
                }
                long millis = run(connection, migration, migration.up(), "up", took -> record(connection, migration, took));
                out.accept("  applied " + migration.version() + ": " + migration.description() + " in " + millis + " ms");
            }
            return pending;
        });
    }

    /**
     * Reverts applied migrations: {@code -1} the last one, {@code base} all, a version all applied after it.
     *
     * @return the migrations reverted (or, with {@code dryRun}, that would be)
     */
    public List<Migration> downgrade(String target, boolean dryRun, Consumer<String> out) {
        return locked(connection -> {
            List<AppliedMigration> applied = applied(connection);
            List<AppliedMigration> revert = new ArrayList<>();
            if (target.equals("-1")) {
                if (!applied.isEmpty()) {
                    revert.add(applied.get(applied.size() - 1));
                }
            } else if (target.equals("base")) {
                revert.addAll(newestFirst(applied));
            } else {
                MigrationVersion floor = known(target).version();
                for (AppliedMigration row : newestFirst(applied)) {
                    if (MigrationVersion.parse(row.version()).compareTo(floor) > 0) {
                        revert.add(row);
                    }
                }
            }
            if (revert.isEmpty()) {
                out.accept(dataSource + ": nothing to downgrade" + current(status(connection, applied)));
                return List.of();
            }
            List<Migration> reverted = new ArrayList<>();
            for (AppliedMigration row : revert) {
                Migration migration = byVersion().get(row.version());
                if (migration == null) {
                    throw new MigrationException(dataSource + ": migration " + row.version() + " is applied but its file"
                            + " is gone, so it cannot be reverted; restore the file, or 'stamp' an earlier version");
                }
                if (migration.down() == null) {
                    throw new MigrationException(migration.file() + ": migration " + row.version() + " has no '-- name:"
                            + " migrate-" + row.version() + "-down' block, so it cannot be reverted");
                }
                if (dryRun) {
                    out.accept("  would revert " + row.version() + ": " + migration.description());
                } else {
                    long millis = run(connection, migration, migration.down(), "down",
                            took -> forget(connection, row.version()));
                    out.accept("  reverted " + row.version() + ": " + migration.description() + " in " + millis + " ms");
                }
                reverted.add(migration);
            }
            return reverted;
        });
    }

    /**
     * Records the migrations up to {@code revision} as applied, and no others, without running them: for a database
     * whose schema was created some other way.
     */
    public void stamp(String revision, Consumer<String> out) {
        MigrationVersion target = revision.equals("base") ? null : known(revision).version();
        locked(connection -> {
            transaction(connection, () -> {
                execute(connection, "DELETE FROM " + TABLE);
                for (Migration migration : migrations) {
                    if (target != null && migration.version().compareTo(target) <= 0) {
                        insert(connection, migration, 0, "stamp");
                    }
                }
            });
            out.accept(dataSource + ": stamped at " + (target == null ? "base (no migration applied)" : revision));
            return null;
        });
    }

    private static List<AppliedMigration> newestFirst(List<AppliedMigration> applied) {
        List<AppliedMigration> reversed = new ArrayList<>(applied);
        Collections.reverse(reversed);
        return reversed;
    }

    private Migration known(String version) {
        Migration migration = byVersion().get(versionOf(version));
        if (migration == null) {
            throw new MigrationException(dataSource + ": no migration has version '" + version + "'; known: "
                    + migrations.stream().map(m -> m.version().value()).toList());
        }
        return migration;
    }

    private static String versionOf(String text) {
        try {
            return MigrationVersion.parse(text).value();
        } catch (IllegalArgumentException e) {
            throw new MigrationException(e.getMessage());
        }
    }

    private Map<String, Migration> byVersion() {
        Map<String, Migration> map = new LinkedHashMap<>();
        migrations.forEach(migration -> map.put(migration.version().value(), migration));
        return map;
    }

    private MigrationStatus status(Connection connection, List<AppliedMigration> applied) {
        Map<String, AppliedMigration> appliedByVersion = new HashMap<>();
        applied.forEach(row -> appliedByVersion.put(row.version(), row));
        List<Migration> pending = new ArrayList<>();
        List<Migration> modified = new ArrayList<>();
        for (Migration migration : migrations) {
            AppliedMigration row = appliedByVersion.remove(migration.version().value());
            if (row == null) {
                pending.add(migration);
            } else if (!migration.checksum().equals(row.checksum())) {
                modified.add(migration);
            }
        }
        List<AppliedMigration> missing = applied.stream().filter(row -> appliedByVersion.containsKey(row.version()))
                .toList();
        return new MigrationStatus(dataSource, applied, pending, modified, missing);
    }

    static String modifiedMessage(List<Migration> modified) {
        StringBuilder message = new StringBuilder("Applied migrations were changed after they were applied (their"
                + " checksum differs from ddl_migrations.checksum):");
        for (Migration migration : modified) {
            message.append(' ').append(migration.file());
        }
        return message.append(". Restore the files as they were applied and put the change in a new migration; or,"
                + " in development, 'downgrade' past them before changing them.").toString();
    }

    private static String current(MigrationStatus status) {
        return status.current() == null ? " (none applied)" : " (current: " + status.current() + ")";
    }

    /**
     * Runs a migration's block statement by statement, then {@code record} with the milliseconds they took, in one
     * transaction unless the file says otherwise.
     *
     * @return the milliseconds the statements took
     */
    private long run(Connection connection, Migration migration, String block, String direction, Recording record) {
        long[] millis = new long[1];
        SqlWork statements = () -> {
            long started = System.nanoTime();
            for (SqlScripts.ScriptStatement statement : SqlScripts.split(block)) {
                try (Statement jdbc = connection.createStatement()) {
                    jdbc.execute(statement.sql());
                } catch (SQLException e) {
                    throw new MigrationException(migration.file() + ": migration " + migration.version() + " (" + direction
                            + ") failed at the statement starting on line " + statement.line() + " of its block: "
                            + errors.translate(e, statement.sql()).getMessage()
                            + (migration.transactional() ? ". Nothing of this migration was applied."
                                    : ". The migration is not transactional: the statements before this one stay applied."),
                            e);
                }
            }
            millis[0] = (System.nanoTime() - started) / 1_000_000;
        };
        if (migration.transactional()) {
            transaction(connection, () -> {
                statements.run();
                record.run(millis[0]);
            });
        } else {
            try {
                statements.run();
                record.run(millis[0]);
            } catch (SQLException e) {
                throw new MigrationException(migration.file() + ": recording migration " + migration.version()
                        + " failed: " + errors.translate(e, null).getMessage(), e);
            }
        }
        return millis[0];
    }

    private static void record(Connection connection, Migration migration, long millis) throws SQLException {
        insert(connection, migration, millis,
                System.getenv().getOrDefault("USER", System.getProperty("user.name", "unknown")));
    }

    private static void insert(Connection connection, Migration migration, long millis, String appliedBy)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + TABLE + " (version_num, version_type,"
                + " execution_sequence, description, execution_time_ms, checksum, applied_by) VALUES (?, ?, (SELECT"
                + " COALESCE(MAX(execution_sequence), 0) + 1 FROM " + TABLE + "), ?, ?, ?, ?)")) {
            insert.setString(1, migration.version().value());
            insert.setString(2, migration.version().kind().stored());
            insert.setString(3, migration.description());
            insert.setInt(4, (int) millis);
            insert.setString(5, migration.checksum());
            insert.setString(6, appliedBy);
            insert.executeUpdate();
        }
    }

    private static void forget(Connection connection, String version) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + TABLE + " WHERE version_num = ?")) {
            delete.setString(1, version);
            delete.executeUpdate();
        }
    }

    private static List<AppliedMigration> applied(Connection connection) throws SQLException {
        List<AppliedMigration> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT version_num, version_type, execution_sequence,"
                        + " description, applied_at, execution_time_ms, checksum, applied_by FROM " + TABLE
                        + " ORDER BY execution_sequence")) {
            while (rs.next()) {
                Timestamp appliedAt = rs.getTimestamp(5);
                int millis = rs.getInt(6);
                rows.add(new AppliedMigration(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4),
                        appliedAt == null ? null : appliedAt.toLocalDateTime(), rs.wasNull() ? null : millis,
                        rs.getString(7), rs.getString(8)));
            }
        }
        return rows;
    }

    private boolean tableExists(Connection connection) throws SQLException {
        String query = dialect == SqlDialect.POSTGRESQL ? "SELECT to_regclass('" + TABLE + "') IS NOT NULL"
                : "SELECT count(*) > 0 FROM information_schema.tables WHERE table_name = '" + TABLE
                        + "' AND table_schema = current_schema()";
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(query)) {
            return rs.next() && rs.getBoolean(1);
        }
    }

    /** SQLSpec's table, created under the lock; columns a previous version lacked are added. */
    private static void ensureTable(Connection connection) throws SQLException {
        execute(connection, "CREATE TABLE IF NOT EXISTS " + TABLE + " (version_num VARCHAR(32) PRIMARY KEY,"
                + " version_type VARCHAR(16), execution_sequence INTEGER, description TEXT,"
                + " applied_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP, execution_time_ms INTEGER,"
                + " checksum VARCHAR(64), applied_by VARCHAR(255), replaces TEXT)");
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    @FunctionalInterface
    private interface SqlWork {
        void run() throws SQLException;
    }

    @FunctionalInterface
    private interface Recording {
        void run(long millis) throws SQLException;
    }

    @FunctionalInterface
    private interface ConnectionWork<T> {
        T apply(Connection connection) throws SQLException;
    }

    private void transaction(Connection connection, SqlWork work) {
        try {
            connection.setAutoCommit(false);
            try {
                work.run();
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new MigrationException(dataSource + ": " + errors.translate(e, null).getMessage(), e);
        }
    }

    /** Runs {@code work} holding the migration lock of this datasource, with the tracking table in place. */
    private <T> T locked(ConnectionWork<T> work) {
        if (dialect == SqlDialect.DUCKDB) {
            ReentrantLock lock = IN_PROCESS_LOCKS.computeIfAbsent(dataSource, name -> new ReentrantLock());
            lock.lock();
            try {
                return withConnection(connection -> {
                    ensureTable(connection);
                    return work.apply(connection);
                });
            } finally {
                lock.unlock();
            }
        }
        return withConnection(connection -> {
            String lock = "sqlspec-migrations:" + TABLE;
            try (PreparedStatement statement = connection.prepareStatement("SELECT pg_advisory_lock(hashtext(?))")) {
                statement.setString(1, lock);
                statement.execute();
            }
            try {
                ensureTable(connection);
                return work.apply(connection);
            } finally {
                try (PreparedStatement statement = connection.prepareStatement(
                        "SELECT pg_advisory_unlock(hashtext(?))")) {
                    statement.setString(1, lock);
                    statement.execute();
                }
            }
        });
    }

    private <T> T withConnection(ConnectionWork<T> work) {
        try (Connection connection = pool.get().getConnection()) {
            connection.setAutoCommit(true);
            return work.apply(connection);
        } catch (SQLException e) {
            throw new MigrationException(dataSource + ": " + errors.translate(e, null).getMessage(), e);
        }
    }
}
