package io.quarkiverse.sqlspec.runtime.config;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.quarkiverse.sqlspec.CommitMode;
import io.quarkus.datasource.common.runtime.DataSourceUtil;
import io.quarkus.runtime.annotations.ConfigDocMapKey;
import io.quarkus.runtime.annotations.ConfigDocSection;
import io.quarkus.runtime.annotations.ConfigPhase;
import io.quarkus.runtime.annotations.ConfigRoot;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithParentName;
import io.smallrye.config.WithUnnamedKey;

/**
 * Runtime configuration of the SQLSpec extension.
 */
@ConfigMapping(prefix = "quarkus.sqlspec")
@ConfigRoot(phase = ConfigPhase.RUN_TIME)
public interface SqlSpecRuntimeConfig {

    /**
     * How many distinct SQL texts keep their parsed form (placeholders converted to JDBC) in memory. The cache is
     * shared by all datasources and evicts the least recently used texts; {@code 0} disables it (every statement is
     * parsed again). PostgreSQL's own server-side prepared statements are not affected by this setting.
     */
    @WithDefault("1024")
    int statementCacheSize();

    /**
     * Per-datasource settings. {@code quarkus.sqlspec.commit-mode} configures the default datasource,
     * {@code quarkus.sqlspec."name".commit-mode} the datasource {@code name}.
     */
    @ConfigDocMapKey("datasource-name")
    @ConfigDocSection
    @WithParentName
    @WithUnnamedKey(DataSourceUtil.DEFAULT_DATASOURCE_NAME)
    Map<String, DataSourceSessionConfig> datasources();

    interface DataSourceSessionConfig {

        /**
         * How the request's transaction on this datasource ends, given the final HTTP status of the response:
         * {@code autocommit} (2xx commits, anything else rolls back), {@code autocommit-include-redirect} (2xx and
         * 3xx commit) or {@code manual} (the application calls {@code commit()}; uncommitted work is rolled back with
         * a warning).
         */
        @WithDefault("autocommit")
        CommitMode commitMode();

        /**
         * Statuses that also commit in the automatic modes (for example {@code 409} when a conflict response still
         * records an audit row). Values between 100 and 599, disjoint from {@code extra-rollback-statuses}.
         */
        Optional<Set<Integer>> extraCommitStatuses();

        /**
         * Statuses that roll back in the automatic modes even though they would commit (for example {@code 202} when
         * the work is handed to another system). A rollback status always wins. Values between 100 and 599.
         */
        Optional<Set<Integer>> extraRollbackStatuses();
    }
}
