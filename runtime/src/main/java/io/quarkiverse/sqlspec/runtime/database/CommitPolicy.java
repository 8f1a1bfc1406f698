package io.quarkiverse.sqlspec.runtime.database;

import java.util.Set;
import java.util.TreeSet;

import io.quarkiverse.sqlspec.CommitMode;
import io.quarkiverse.sqlspec.runtime.config.SqlSpecRuntimeConfig.DataSourceSessionConfig;
import io.quarkus.datasource.common.runtime.DataSourceUtil;
import io.quarkus.runtime.configuration.ConfigurationException;

/**
 * Turns a final HTTP status into commit, rollback or nothing, for one datasource (the table of the transactions guide,
 * docs/modules/ROOT/pages/transactions.adoc):
 *
 * <pre>
 * status                     manual   autocommit   autocommit-include-redirect
 * 2xx                        nothing  commit       commit
 * 3xx                        nothing  rollback     commit
 * 1xx, 4xx, 5xx, exception   nothing  rollback     rollback
 * extra-commit-statuses      nothing  commit       commit
 * extra-rollback-statuses    nothing  rollback     rollback   (wins)
 * </pre>
 */
public final class CommitPolicy {

    public enum Decision {
        COMMIT,
        ROLLBACK,
        /** Manual mode: the application decided; whatever is still open is rolled back with a warning at the end. */
        LEAVE
    }

    private static final int MIN_STATUS = 100;
    private static final int MAX_STATUS = 599;

    private final CommitMode mode;
    private final boolean[] extraCommit = new boolean[MAX_STATUS + 1];
    private final boolean[] extraRollback = new boolean[MAX_STATUS + 1];
    private final Set<Integer> extraCommitStatuses;
    private final Set<Integer> extraRollbackStatuses;

    private CommitPolicy(CommitMode mode, Set<Integer> commit, Set<Integer> rollback) {
        this.mode = mode;
        this.extraCommitStatuses = new TreeSet<>(commit);
        this.extraRollbackStatuses = new TreeSet<>(rollback);
        commit.forEach(status -> extraCommit[status] = true);
        rollback.forEach(status -> extraRollback[status] = true);
    }

    public static CommitPolicy defaults() {
        return new CommitPolicy(CommitMode.AUTOCOMMIT, Set.of(), Set.of());
    }

    /**
     * Validates one datasource's settings; a mistake fails startup with the property to change.
     */
    public static CommitPolicy of(String datasource, DataSourceSessionConfig config) {
        Set<Integer> commit = config.extraCommitStatuses().orElse(Set.of());
        Set<Integer> rollback = config.extraRollbackStatuses().orElse(Set.of());
        checkRange(datasource, "extra-commit-statuses", commit);
        checkRange(datasource, "extra-rollback-statuses", rollback);
        Set<Integer> overlap = new TreeSet<>(commit);
        overlap.retainAll(rollback);
        if (!overlap.isEmpty()) {
            throw new ConfigurationException(property(datasource, "extra-commit-statuses") + " and "
                    + property(datasource, "extra-rollback-statuses") + " both contain " + overlap
                    + ": a status must either commit or roll back. Remove it from one of them.");
        }
        return new CommitPolicy(config.commitMode(), commit, rollback);
    }

    public CommitMode mode() {
        return mode;
    }

    public Set<Integer> extraCommitStatuses() {
        return extraCommitStatuses;
    }

    public Set<Integer> extraRollbackStatuses() {
        return extraRollbackStatuses;
    }

    public Decision decide(int status) {
        if (mode == CommitMode.MANUAL) {
            return Decision.LEAVE;
        }
        if (status < MIN_STATUS || status > MAX_STATUS || extraRollback[status]) {
            return Decision.ROLLBACK;
        }
        if (extraCommit[status] || status / 100 == 2) {
            return Decision.COMMIT;
        }
        if (status / 100 == 3 && mode == CommitMode.AUTOCOMMIT_INCLUDE_REDIRECT) {
            return Decision.COMMIT;
        }
        return Decision.ROLLBACK;
    }

    private static void checkRange(String datasource, String name, Set<Integer> statuses) {
        Set<Integer> wrong = new TreeSet<>();
        for (Integer status : statuses) {
            if (status == null || status < MIN_STATUS || status > MAX_STATUS) {
                wrong.add(status);
            }
        }
        if (!wrong.isEmpty()) {
            throw new ConfigurationException(property(datasource, name) + " contains " + wrong
                    + ", which is not an HTTP status: use values between " + MIN_STATUS + " and " + MAX_STATUS + ".");
        }
    }

    static String property(String datasource, String name) {
        return DataSourceUtil.isDefault(datasource) ? "quarkus.sqlspec." + name
                : "quarkus.sqlspec.\"" + datasource + "\"." + name;
    }
}
