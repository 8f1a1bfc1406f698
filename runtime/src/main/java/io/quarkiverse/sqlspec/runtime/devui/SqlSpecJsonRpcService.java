package io.quarkiverse.sqlspec.runtime.devui;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;

import io.agroal.api.AgroalDataSource;
import io.agroal.api.AgroalDataSourceMetrics;
import io.quarkiverse.sqlspec.HttpSessionStore;
import io.quarkiverse.sqlspec.runtime.database.CommitPolicy;
import io.quarkiverse.sqlspec.runtime.database.DbSessions;
import io.quarkiverse.sqlspec.runtime.httpsession.HttpSessions;
import io.quarkiverse.sqlspec.runtime.migration.AppliedMigration;
import io.quarkiverse.sqlspec.runtime.migration.Migration;
import io.quarkiverse.sqlspec.runtime.migration.MigrationStatus;
import io.quarkiverse.sqlspec.runtime.migration.Migrations;
import io.quarkiverse.sqlspec.runtime.migration.Migrator;
import io.quarkiverse.sqlspec.runtime.observability.RecentStatements;
import io.quarkiverse.sqlspec.runtime.observability.StatementEvents;
import io.quarkiverse.sqlspec.runtime.sql.StatementCache;
import io.quarkus.agroal.runtime.AgroalDataSourceUtil;
import io.quarkus.arc.InjectableInstance;
import io.quarkus.datasource.common.runtime.DataSourceUtil;
import io.quarkus.datasource.runtime.DataSourceBuildTimeConfig;
import io.quarkus.datasource.runtime.DataSourcesBuildTimeConfig;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.annotations.DevMCPEnableByDefault;
import io.quarkus.runtime.annotations.JsonRpcDescription;

/**
 * The Dev UI's JSON-RPC methods (namespace {@code quarkus-sqlspec}), local development only. Each runs on a worker
 * thread. The read-only ones are also tools of Dev MCP ({@code @JsonRpcDescription}); the ones that change the
 * database (migration commands, the SQL console with writes, the session purge) are Dev UI only.
 */
public class SqlSpecJsonRpcService {

    /** The SQL console returns at most this many rows. */
    static final int MAX_ROWS = 200;
    private static final Pattern PASSWORD = Pattern.compile("(?i)(password=)[^&;]*|(//[^:/@]+:)[^@]*(@)");

    @Inject
    DbSessions dbSessions;

    @Inject
    StatementEvents events;

    @Inject
    Migrations migrations;

    @Inject
    InjectableInstance<HttpSessions> httpSessions;

    @Inject
    DataSourcesBuildTimeConfig dataSourcesBuildTimeConfig;

    /** Per datasource, the server's product and version, asked once (it costs a connection). */
    private final Map<String, String> serverVersions = new ConcurrentHashMap<>();

    /**
     * Agroal counts borrowed connections only while its metrics are on; turning them on before the first request is
     * what makes the pool figures right (a connection borrowed before would be returned uncounted).
     */
    void enablePoolMetrics(@Observes StartupEvent startup) {
        for (String name : dbSessions.names()) {
            AgroalDataSourceUtil.dataSourceIfActive(name).ifPresent(pool -> pool.getConfiguration().setMetricsEnabled(true));
        }
    }

    @JsonRpcDescription("The SQLSpec datasources: kind, URL (password masked), whether Dev Services serve it, server version,"
            + " commit mode, pool figures, migrations")
    @DevMCPEnableByDefault
    public List<Map<String, Object>> getDataSources() {
        List<Map<String, Object>> dataSources = new ArrayList<>();
        for (String name : dbSessions.names()) {
            Optional<AgroalDataSource> pool = AgroalDataSourceUtil.dataSourceIfActive(name);
            CommitPolicy policy = dbSessions.dataSource(name).policy();
            Map<String, Object> dataSource = new LinkedHashMap<>();
            dataSource.put("name", name);
            DataSourceBuildTimeConfig buildTime = dataSourcesBuildTimeConfig.dataSources().get(name);
            dataSource.put("kind", buildTime == null ? null : buildTime.dbKind().orElse(null));
            dataSource.put("url", pool.map(p -> mask(p.getConfiguration().connectionPoolConfiguration()
                    .connectionFactoryConfiguration().jdbcUrl())).orElse(null));
            dataSource.put("active", pool.isPresent());
            dataSource.put("devServices", servedByDevServices(name));
            dataSource.put("server", pool.map(p -> serverVersions.computeIfAbsent(name, n -> serverVersion(p)))
                    .orElse(null));
            dataSource.put("commitMode", policy.mode().name().toLowerCase(Locale.ROOT).replace('_', '-'));
            dataSource.put("extraCommitStatuses", policy.extraCommitStatuses());
            dataSource.put("extraRollbackStatuses", policy.extraRollbackStatuses());
            dataSource.put("pool", pool.map(SqlSpecJsonRpcService::poolFigures).orElse(null));
            Migrator migrator = migrations.migrators().get(name);
            dataSource.put("migrations", migrator == null ? 0 : migrator.migrations().size());
            dataSources.add(dataSource);
        }
        return dataSources;
    }

    @JsonRpcDescription("The recent statements, newest first, with their correlation id, datasource, SQL, duration and"
            + " rows; optionally only those of one request (correlation id) or one datasource")
    @DevMCPEnableByDefault
    public List<Map<String, Object>> getStatements(
            @JsonRpcDescription("a request's correlation id, or empty for all") String correlationId,
            @JsonRpcDescription("a datasource name, or empty for all") String dataSource) {
        RecentStatements recent = events.recent();
        List<Map<String, Object>> statements = new ArrayList<>();
        if (recent == null) {
            return statements;
        }
        long slowMillis = events.slowThreshold().toMillis();
        for (RecentStatements.Recent entry : recent.snapshot()) {
            var statement = entry.statement();
            if ((correlationId == null || correlationId.isBlank() || correlationId.equals(statement.correlationId()))
                    && (dataSource == null || dataSource.isBlank() || dataSource.equals(statement.datasource()))) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("at", entry.at().toString());
                row.put("correlationId", statement.correlationId());
                row.put("dataSource", statement.datasource());
                row.put("operation", statement.operation());
                row.put("sql", statement.sql());
                row.put("durationMs", statement.duration().toNanos() / 1_000_000.0);
                row.put("rows", statement.rows());
                row.put("error", statement.error() == null ? null : statement.error().getMessage());
                row.put("slow", statement.duration().toMillis() >= slowMillis);
                statements.add(row);
            }
        }
        return statements;
    }

    @JsonRpcDescription("The statement cache: size, capacity, hits, misses, evictions, hit rate")
    @DevMCPEnableByDefault
    public Map<String, Object> getStatementCache() {
        StatementCache cache = dbSessions.statementCache();
        long lookups = cache.hits() + cache.misses();
        return Map.of("size", cache.size(), "capacity", cache.capacity(), "hits", cache.hits(), "misses",
                cache.misses(), "evictions", cache.evictions(), "hitRate",
                lookups == 0 ? 0.0 : (double) cache.hits() / lookups);
    }

    @JsonRpcDescription("The HTTP sessions: whether they are enabled, where they are stored, live and expired counts")
    @DevMCPEnableByDefault
    public Map<String, Object> getHttpSessions() {
        if (!httpSessions.isResolvable()) {
            return Map.of("enabled", false);
        }
        HttpSessions sessions = httpSessions.get();
        HttpSessionStore.Counts counts = sessions.counts();
        return Map.of("enabled", true, "where", sessions.describe(), "live", counts.live(), "expired",
                counts.expired());
    }

    /** Changes the database: Dev UI only. */
    public Map<String, Object> purgeHttpSessions() {
        return Map.of("deleted", httpSessions.isResolvable() ? httpSessions.get().deleteExpired() : 0);
    }

    @JsonRpcDescription("The migrations of each datasource: current version, applied, pending, modified and missing")
    @DevMCPEnableByDefault
    public List<Map<String, Object>> getMigrations() {
        List<Map<String, Object>> all = new ArrayList<>();
        for (Migrator migrator : migrations.migrators().values()) {
            MigrationStatus status = migrator.status();
            Map<String, Object> dataSource = new LinkedHashMap<>();
            dataSource.put("dataSource", migrator.dataSource());
            dataSource.put("current", status.current());
            List<Map<String, Object>> applied = new ArrayList<>();
            for (AppliedMigration row : status.applied()) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("version", row.version());
                entry.put("description", row.description());
                entry.put("appliedAt", String.valueOf(row.appliedAt()));
                entry.put("executionTimeMs", row.executionTimeMs());
                entry.put("appliedBy", row.appliedBy());
                applied.add(entry);
            }
            dataSource.put("applied", applied);
            dataSource.put("pending", status.pending().stream().map(SqlSpecJsonRpcService::describe).toList());
            dataSource.put("modified", status.modified().stream().map(SqlSpecJsonRpcService::describe).toList());
            dataSource.put("missing", status.missing().stream().map(row -> Map.of("version", row.version())).toList());
            all.add(dataSource);
        }
        return all;
    }

    /** A database command ({@code upgrade --datasource analytics}); changes the database: Dev UI only. */
    public Map<String, Object> runMigrationCommand(String commandLine) {
        StringBuilder output = new StringBuilder();
        int exitCode = migrations.commands().run(commandLine, line -> output.append(line).append('\n'));
        return Map.of("exitCode", exitCode, "output", output.toString());
    }

    /**
     * The SQL console, in dev mode only: one statement on a datasource, in a transaction that is rolled back unless
     * {@code allowWrite} (then committed), read-only unless {@code allowWrite}, at most {@value #MAX_ROWS} rows.
     */
    /** Whether the connection is now in the read-only state asked for; DuckDB's driver cannot change it. */
    private static boolean readOnly(Connection connection, boolean readOnly) throws SQLException {
        try {
            connection.setReadOnly(readOnly);
            return true;
        } catch (SQLFeatureNotSupportedException e) {
            return false;
        }
    }

    public Map<String, Object> executeSql(String dataSource, String sql, boolean allowWrite) {
        Map<String, Object> result = new LinkedHashMap<>();
        if (LaunchMode.current() != LaunchMode.DEVELOPMENT) {
            result.put("error", "The SQL console is available in dev mode only");
            return result;
        }
        long started = System.nanoTime();
        try (Connection connection = dbSessions.dataSource(dataSource).pool().getConnection()) {
            connection.setAutoCommit(false);
            boolean readOnly = readOnly(connection, !allowWrite);
            if (!allowWrite && !readOnly) {
                result.put("notice", "This database cannot make a connection read-only: the statement runs, and its"
                        + " changes are rolled back");
            }
            try (Statement statement = connection.createStatement()) {
                statement.setMaxRows(MAX_ROWS + 1);
                if (statement.execute(sql)) {
                    readRows(statement.getResultSet(), result);
                } else {
                    result.put("rowsAffected", statement.getLargeUpdateCount());
                }
                if (allowWrite) {
                    connection.commit();
                } else {
                    connection.rollback();
                }
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                readOnly(connection, false);
            }
        } catch (SQLException | RuntimeException e) {
            result.put("error", dbSessions.errors().translate(e instanceof SQLException failure ? failure
                    : new SQLException(e.getMessage(), e), null).getMessage());
        }
        result.put("durationMs", (System.nanoTime() - started) / 1_000_000.0);
        return result;
    }

    @JsonRpcDescription("What the SQLSpec card shows: datasources, statements run, statement-cache hit rate, HTTP"
            + " sessions, pending migrations")
    @DevMCPEnableByDefault
    public Map<String, Object> getSummary() {
        RecentStatements recent = events.recent();
        long pending = 0;
        for (Migrator migrator : migrations.migrators().values()) {
            try {
                pending += migrator.status().pending().size();
            } catch (RuntimeException unavailable) {
                // the card still shows the rest
            }
        }
        return Map.of("dataSources", dbSessions.names().size(), "statements", recent == null ? 0 : recent.total(),
                "cacheHitRate", getStatementCache().get("hitRate"), "sessionsEnabled", httpSessions.isResolvable(),
                "pendingMigrations", pending);
    }

    private static void readRows(ResultSet rs, Map<String, Object> result) throws SQLException {
        ResultSetMetaData metaData = rs.getMetaData();
        List<String> columns = new ArrayList<>();
        for (int i = 1; i <= metaData.getColumnCount(); i++) {
            columns.add(metaData.getColumnLabel(i));
        }
        List<List<Object>> rows = new ArrayList<>();
        boolean truncated = false;
        while (rs.next()) {
            if (rows.size() == MAX_ROWS) {
                truncated = true;
                break;
            }
            List<Object> row = new ArrayList<>(columns.size());
            for (int i = 1; i <= columns.size(); i++) {
                Object value = rs.getObject(i);
                row.add(value == null || value instanceof Number || value instanceof Boolean ? value : value.toString());
            }
            rows.add(row);
        }
        result.put("columns", columns);
        result.put("rows", rows);
        result.put("rowsAffected", rows.size());
        result.put("truncated", truncated);
    }

    /** Agroal counts only once its metrics are on; turning them on here costs nothing outside dev mode. */
    /** The JDBC URL came from Dev Services (ours or any other), not from the application's configuration. */
    private static boolean servedByDevServices(String dataSource) {
        String source = ConfigProvider.getConfig()
                .getConfigValue(DataSourceUtil.dataSourcePropertyKey(dataSource, "jdbc.url")).getSourceName();
        return source != null && source.toLowerCase(Locale.ROOT).replace(" ", "").contains("devservices");
    }

    private static String serverVersion(AgroalDataSource pool) {
        try (Connection connection = pool.getConnection()) {
            DatabaseMetaData metaData = connection.getMetaData();
            return metaData.getDatabaseProductName() + " " + metaData.getDatabaseProductVersion();
        } catch (SQLException e) {
            return null;
        }
    }

    private static Map<String, Object> poolFigures(AgroalDataSource pool) {
        AgroalDataSourceMetrics metrics = pool.getMetrics();
        return Map.of("active", metrics.activeCount(), "available", metrics.availableCount(), "max",
                pool.getConfiguration().connectionPoolConfiguration().maxSize(), "awaiting", metrics.awaitingCount());
    }

    private static Map<String, Object> describe(Migration migration) {
        return Map.of("version", migration.version().value(), "description", migration.description(), "file",
                migration.file());
    }

    static String mask(String url) {
        return url == null ? null : PASSWORD.matcher(url).replaceAll("$1$2***$3");
    }
}
