package io.quarkiverse.sqlspec.runtime.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
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
     * Statements slower than this are logged at WARN with their correlation id, datasource, SQL (parameters masked)
     * and duration.
     */
    @WithDefault("1s")
    Duration slowQueryThreshold();

    /**
     * Whether statement logs and events show parameter values. Off by default: values often hold personal data and
     * secrets, so they appear as {@code ***}.
     */
    @WithDefault("false")
    boolean logParameters();

    /**
     * Whether database errors keep the row values PostgreSQL reports with them: the {@code Detail} of a constraint
     * violation ({@code Failing row contains (...)}, {@code Key (email)=(...) already exists}), the value a data error
     * could not read, the values of a failed batch entry. Off by default, like {@code log-parameters}: the errors are
     * logged, and logs are read by more people than the data. The SQLSTATE, the constraint and the SQL text are kept.
     */
    @WithDefault("false")
    boolean logErrorDetails();

    /**
     * How many recent statements are kept in memory for the Dev UI. Defaults to 100 in dev and test mode and to 0 (off)
     * in production.
     */
    OptionalInt recentStatements();

    /**
     * How many rows {@code DbSession.stream(...)} reads from the database at a time: the memory a streamed result
     * takes, whatever its size. Larger batches mean fewer round trips.
     */
    @WithDefault("1000")
    int streamFetchSize();

    /**
     * Whether every statement carries a sqlcommenter comment with the request's correlation id and route template
     * (for example {@code /*request_id='a1b2',route='%2Fusers%2F%7Bid%7D'*}{@code /}), so that PostgreSQL's logs and
     * {@code pg_stat_activity} show which request ran it. Off by default: the comment makes every request's SQL text
     * unique, which defeats pgjdbc's and PostgreSQL's prepared-statement caches.
     */
    @WithDefault("false")
    boolean sqlComment();

    /**
     * A database command to run instead of starting the application, for the terminal:
     * {@code java -Dquarkus.sqlspec.cli="upgrade head" -jar target/quarkus-app/quarkus-run.jar}. The application's
     * configuration (profile, datasources, credentials from the environment) applies; the process prints the command's
     * output and exits with its code (0 on success, 1 when it failed, 2 for a wrong command line) without opening its
     * HTTP port. Commands: {@code upgrade}, {@code downgrade}, {@code current}, {@code stamp}, {@code show-config},
     * {@code init}, {@code create-migration}, {@code sessions delete-expired}, {@code help}. Ignored in dev and test
     * mode (use the dev console there).
     */
    Optional<String> cli();

    /**
     * Where {@code init} and {@code create-migration} write migration files, relative to the working directory.
     */
    @WithDefault("src/main/resources")
    String migrationSourceDirectory();

    /**
     * Server-side HTTP sessions (active when {@code quarkus.sqlspec.http-session.enabled=true}).
     */
    @ConfigDocSection
    HttpSessionConfig httpSession();

    interface HttpSessionConfig {

        /**
         * The datasource holding the session table ({@code <default>} for the default datasource).
         */
        @WithDefault(DataSourceUtil.DEFAULT_DATASOURCE_NAME)
        String datasource();

        /**
         * The session table: a lower-case identifier, optionally schema-qualified, at most 63 characters.
         */
        @WithDefault("sqlspec_sessions")
        String table();

        /**
         * Whether the table is created (or completed with missing columns) at startup. Columns are only ever added.
         */
        @WithDefault("true")
        boolean manageSchema();

        /**
         * The session cookie's name. A name starting with {@code __Host-} makes browsers insist on {@code Secure},
         * {@code Path=/} and no {@code Domain}, which SQLSpec then always sets.
         */
        @WithDefault("sqlspec_session")
        String cookieName();

        /**
         * The cookie's {@code SameSite} attribute. {@code none} also makes the cookie {@code Secure}, as browsers
         * require.
         */
        @WithDefault("lax")
        SameSite cookieSameSite();

        /**
         * When the cookie is marked {@code Secure}.
         */
        @WithDefault("auto")
        CookieSecure cookieSecure();

        /**
         * A session not used for this long expires (renewed by every request that reads or writes it).
         */
        @WithDefault("30m")
        Duration idleTimeout();

        /**
         * A session expires this long after it was created, however active it is.
         */
        @WithDefault("8h")
        Duration absoluteTimeout();

        /**
         * A session read but not changed has its expiry moved at most this often, so that busy sessions do not write
         * on every request.
         */
        @WithDefault("60s")
        Duration renewAfter();

        /**
         * The largest session accepted, in bytes of JSON; a larger one fails the request with a clear error.
         */
        @WithDefault("1048576")
        int maxSize();

        /**
         * How often expired sessions are deleted (by one instance at a time).
         */
        @WithDefault("5m")
        Duration purgeInterval();

        /**
         * How many expired sessions one purge statement deletes.
         */
        @WithDefault("1000")
        int purgeBatchSize();
    }

    /**
     * The cookie's {@code SameSite} attribute.
     */
    enum SameSite {
        /** Sent on top-level navigations from other sites, not on their sub-requests: the browsers' default. */
        LAX("Lax"),
        /** Never sent on requests that come from other sites. */
        STRICT("Strict"),
        /** Sent on every request, cross-site included; the cookie is then always {@code Secure}. */
        NONE("None");

        private final String attribute;

        SameSite(String attribute) {
            this.attribute = attribute;
        }

        /** The attribute's value as written in {@code Set-Cookie}. */
        public String attribute() {
            return attribute;
        }
    }

    /**
     * When the session cookie carries {@code Secure}.
     */
    enum CookieSecure {
        /** When the request came over HTTPS. */
        AUTO,
        /** Always (use it behind a TLS-terminating proxy). */
        ALWAYS,
        /** Never (plain-HTTP development only). */
        NEVER
    }

    /**
     * Request correlation.
     */
    @ConfigDocSection
    Correlation correlation();

    interface Correlation {

        /**
         * Whether every HTTP request gets a correlation id (echoed in a response header, put in the logging MDC as
         * {@code request_id}, attached to every statement event).
         */
        @WithDefault("true")
        boolean enabled();

        /**
         * The request headers a correlation id is taken from, first present wins. {@code traceparent} contributes its
         * trace-id part, {@code X-Cloud-Trace-Context} the part before {@code /}, {@code X-Amzn-Trace-Id} its
         * {@code Root}. Values are trimmed and must be at most 128 characters of {@code [A-Za-z0-9._:-]}; any other
         * value is replaced by a new random id.
         */
        @WithDefault("X-Request-ID,X-Correlation-ID,traceparent,X-Cloud-Trace-Context,X-Amzn-Trace-Id,X-B3-TraceId,X-Client-Trace-Id")
        List<String> headers();

        /**
         * The response header that echoes the correlation id.
         */
        @WithDefault("X-Request-ID")
        String responseHeader();
    }

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
         * Whether the datasource's pending migrations ({@code src/main/resources/db/migrations[/<datasource>]}) are
         * applied when the application starts. Defaults to {@code true} in dev and test mode, so that a fresh
         * application works on its first run, and to {@code false} in production, where migrations are an
         * operation of their own (the {@code cli} property, or the Kubernetes init task).
         */
        Optional<Boolean> migrateAtStart();

        /**
         * Statuses that roll back in the automatic modes even though they would commit (for example {@code 202} when
         * the work is handed to another system). A rollback status always wins. Values between 100 and 599.
         */
        Optional<Set<Integer>> extraRollbackStatuses();

        /**
         * Which driver runs the {@code db.async()} calls a request makes on the event loop (methods that return
         * {@code Uni}). {@code auto}: the reactive PostgreSQL client when the application has
         * {@code quarkus-reactive-pg-client} and this PostgreSQL datasource has an active reactive pool (Dev Services
         * configure one), without a worker thread; else JDBC on a worker thread. {@code jdbc}: always JDBC.
         * {@code reactive}: always the reactive client; start-up fails when the datasource cannot have one.
         */
        @WithDefault("auto")
        AsyncDriver asyncDriver();
    }

    /** The values of {@code async-driver}. */
    enum AsyncDriver {
        AUTO,
        JDBC,
        REACTIVE
    }
}
