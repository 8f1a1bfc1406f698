package io.quarkiverse.sqlspec.runtime.migration;

import java.util.List;

/**
 * Where a datasource's database stands against its migration files.
 *
 * @param applied the rows of {@code ddl_migrations}, in the order they were applied
 * @param pending the files not applied yet, in version order
 * @param modified the applied migrations whose file changed since (checksum)
 * @param missing the applied migrations that have no file any more
 */
public record MigrationStatus(String dataSource, List<AppliedMigration> applied, List<Migration> pending,
        List<Migration> modified, List<AppliedMigration> missing) {

    /** The last applied version, or {@code null}. */
    public String current() {
        return applied.isEmpty() ? null : applied.get(applied.size() - 1).version();
    }

    public boolean upToDate() {
        return pending.isEmpty() && modified.isEmpty();
    }
}
