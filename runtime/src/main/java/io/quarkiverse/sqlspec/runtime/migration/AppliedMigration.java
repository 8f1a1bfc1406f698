package io.quarkiverse.sqlspec.runtime.migration;

import java.time.LocalDateTime;

/**
 * A row of {@code ddl_migrations}: a migration the database has.
 */
public record AppliedMigration(String version, String versionType, int executionSequence, String description,
        LocalDateTime appliedAt, Integer executionTimeMs, String checksum, String appliedBy) {
}
