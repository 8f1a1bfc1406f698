package io.quarkiverse.sqlspec.deployment.devservices;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.jboss.logging.Logger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * An embedded PostgreSQL server shared by every datasource that does not ask for a port of its own.
 * <p>
 * Datasources share one server (each with its own database) because a second server would cost another second of
 * start-up and another set of processes for nothing. A datasource that sets
 * {@code quarkus.datasource."name".devservices.port} gets a server on that port. Reference counting stops a server
 * when the last datasource using it is closed.
 */
final class EmbeddedPostgresServer {

    static final String HOST = "127.0.0.1";

    private static final Logger LOG = Logger.getLogger(EmbeddedPostgresServer.class);
    private static final String SUPERUSER = "postgres";
    private static final int ANY_PORT = 0;
    private static final Map<Integer, EmbeddedPostgresServer> SERVERS = new HashMap<>();
    /** Keeps zonky's chatty start-up INFO lines out of the console; this class logs the one line that matters. */
    private static final java.util.logging.Logger ZONKY_LOGGER = quietZonky();

    /** The server settings; the locale is fixed by initdb, so it is also what identifies the cached cluster. */
    private static final UnaryOperator<EmbeddedPostgres.Builder> SETTINGS = builder -> builder
            .setServerConfig("listen_addresses", HOST)
            // Like the container Dev Services, so XA (JTA with several datasources) works out of the box.
            .setServerConfig("max_prepared_transactions", "100")
            .setLocaleConfig("locale", "C");
    /** Quarkus's default Dev Services user and database, made once on the cached cluster instead of at every start. */
    static final String DEFAULT_NAME = "quarkus";
    static final ClusterTemplate TEMPLATE = ClusterTemplate.forSettings(Map.of("locale", "C"), List.of(
            "CREATE ROLE " + DEFAULT_NAME + " LOGIN SUPERUSER PASSWORD " + quoteLiteral(DEFAULT_NAME),
            "CREATE DATABASE " + DEFAULT_NAME + " OWNER " + DEFAULT_NAME));
    /** A system property that makes every start run initdb, as before the cache: for measuring what it saves. */
    static final String NO_CACHE = "sqlspec.devservices.no-cluster-cache";

    private final int requestedPort;
    private final EmbeddedPostgres postgres;
    /** The copy of the cached cluster the server runs on, deleted when it stops; null when zonky made the cluster. */
    private final Path dataDirectory;
    private final Set<String> users = new HashSet<>();
    /** Databases that came with the cached cluster and no datasource has used yet: new, as if just created. */
    private final Set<String> pristineDatabases = new HashSet<>();
    private int references;

    private EmbeddedPostgresServer(int requestedPort, EmbeddedPostgres postgres, Path dataDirectory) {
        this.requestedPort = requestedPort;
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
        if (dataDirectory != null) {
            pristineDatabases.add(DEFAULT_NAME);
        }
    }

    static synchronized EmbeddedPostgresServer acquire(EmbeddedDatabaseSpec spec) {
        int requestedPort = spec.fixedPort().orElse(ANY_PORT);
        EmbeddedPostgresServer server = SERVERS.get(requestedPort);
        if (server == null) {
            server = start(spec, requestedPort);
            SERVERS.put(requestedPort, server);
        }
        server.prepareDatabase(spec);
        server.references++;
        return server;
    }

    private static EmbeddedPostgresServer start(EmbeddedDatabaseSpec spec, int requestedPort) {
        long started = System.nanoTime();
        Path dataDirectory = Boolean.getBoolean(NO_CACHE) ? null : copyOfTheTemplate();
        if (dataDirectory != null) {
            try {
                return new EmbeddedPostgresServer(requestedPort, startServer(spec, dataDirectory, requestedPort),
                        dataDirectory);
            } catch (EmbeddedPostgresStartException e) {
                ClusterTemplate.delete(dataDirectory);
                TEMPLATE.discard();
                LOG.debugf(e, "The cached PostgreSQL cluster did not start after %d ms; starting with initdb",
                        (System.nanoTime() - started) / 1_000_000);
            }
        }
        return new EmbeddedPostgresServer(requestedPort, startServer(spec, null, requestedPort), null);
    }

    synchronized void release(EmbeddedDatabaseSpec spec) {
        synchronized (EmbeddedPostgresServer.class) {
            if (--references > 0) {
                return;
            }
            SERVERS.remove(requestedPort);
        }
        try {
            postgres.close();
            LOG.debugf("Embedded PostgreSQL on port %d stopped", port());
        } catch (IOException e) {
            LOG.warnf(e, "Could not stop the embedded PostgreSQL on port %d", port());
        }
        if (dataDirectory != null) {
            ClusterTemplate.delete(dataDirectory);
        }
    }

    int port() {
        return postgres.getPort();
    }

    private static EmbeddedPostgres startServer(EmbeddedDatabaseSpec spec, Path dataDirectory, int port) {
        long started = System.nanoTime();
        EmbeddedPostgres postgres;
        try {
            EmbeddedPostgres.Builder builder = SETTINGS.apply(EmbeddedPostgres.builder())
                    .setPort(port)
                    .setPGStartupWait(spec.startupTimeout());
            if (dataDirectory != null) {
                builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false);
            }
            postgres = builder.start();
        } catch (IOException | RuntimeException e) {
            throw new EmbeddedPostgresStartException(spec, e);
        }
        long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
        LOG.infof("Embedded PostgreSQL %s started on %s:%d in %d ms (no container runtime needed)",
                serverVersion(postgres), HOST, postgres.getPort(), millis);
        return postgres;
    }

    /**
     * A copy of the cached cluster, or {@code null} to let the start run {@code initdb} as it would without a cache
     * (the cache is an optimization: any problem with it costs a second, never the start).
     */
    private static Path copyOfTheTemplate() {
        try {
            return TEMPLATE.newDataDirectory(builder -> SETTINGS.apply(builder));
        } catch (IOException | RuntimeException e) {
            LOG.debugf(e, "No cached PostgreSQL cluster; this start runs initdb");
            return null;
        }
    }

    private void prepareDatabase(EmbeddedDatabaseSpec spec) {
        try (Connection admin = connect("postgres", SUPERUSER, "")) {
            ensureUser(admin, spec);
            boolean created = ensureDatabase(admin, spec);
            if (created) {
                runScripts(spec, spec.privilegedInitScripts(), SUPERUSER, "");
                runScripts(spec, spec.initScripts(), spec.username(), spec.password());
            }
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("Could not prepare database '" + spec.database() + "' for datasource '"
                    + spec.datasourceName() + "' on the embedded PostgreSQL: " + e.getMessage(), e);
        }
    }

    private void ensureUser(Connection admin, EmbeddedDatabaseSpec spec) throws SQLException {
        if (SUPERUSER.equals(spec.username()) || !users.add(spec.username())) {
            return;
        }
        try (PreparedStatement exists = admin.prepareStatement("SELECT 1 FROM pg_roles WHERE rolname = ?")) {
            exists.setString(1, spec.username());
            try (ResultSet rs = exists.executeQuery()) {
                if (rs.next()) {
                    return;
                }
            }
        }
        try (Statement create = admin.createStatement()) {
            // The user owns its database; superuser mirrors the container image, where the configured user is the
            // database's administrator (extensions, init scripts and migrations all work).
            create.execute("CREATE ROLE " + quoteIdentifier(spec.username()) + " LOGIN SUPERUSER PASSWORD "
                    + quoteLiteral(spec.password()));
        }
    }

    /** @return whether the database is new: created now, or untouched from the cached cluster (init scripts run) */
    private boolean ensureDatabase(Connection admin, EmbeddedDatabaseSpec spec) throws SQLException {
        try (PreparedStatement exists = admin.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, spec.database());
            try (ResultSet rs = exists.executeQuery()) {
                if (rs.next()) {
                    return takePristine(admin, spec);
                }
            }
        }
        try (Statement create = admin.createStatement()) {
            create.execute("CREATE DATABASE " + quoteIdentifier(spec.database()) + " OWNER "
                    + quoteIdentifier(spec.username()));
        }
        return true;
    }

    private boolean takePristine(Connection admin, EmbeddedDatabaseSpec spec) throws SQLException {
        if (!pristineDatabases.remove(spec.database())) {
            return false;
        }
        if (!DEFAULT_NAME.equals(spec.username())) {
            try (Statement owner = admin.createStatement()) {
                owner.execute("ALTER DATABASE " + quoteIdentifier(spec.database()) + " OWNER TO "
                        + quoteIdentifier(spec.username()));
            }
        }
        return true;
    }

    private void runScripts(EmbeddedDatabaseSpec spec, List<String> scripts, String user, String password)
            throws SQLException, IOException {
        if (scripts.isEmpty()) {
            return;
        }
        try (Connection connection = connect(spec.database(), user, password);
                Statement statement = connection.createStatement()) {
            for (String script : scripts) {
                statement.execute(readScript(script));
            }
        }
    }

    private static String readScript(String location) throws IOException {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        String resource = location.startsWith("/") ? location.substring(1) : location;
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in != null) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
        Path file = Path.of(location);
        if (Files.isRegularFile(file)) {
            return Files.readString(file);
        }
        throw new IOException("init script '" + location + "' was found neither on the classpath nor as a file");
    }

    private Connection connect(String database, String user, String password) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        return DriverManager.getConnection("jdbc:postgresql://" + HOST + ":" + port() + "/" + database, properties);
    }

    private static String serverVersion(EmbeddedPostgres postgres) {
        try (Connection c = postgres.getPostgresDatabase().getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SHOW server_version")) {
            return rs.next() ? rs.getString(1) : "(unknown version)";
        } catch (SQLException e) {
            return "(unknown version)";
        }
    }

    private static String quoteIdentifier(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    private static String quoteLiteral(String literal) {
        return '\'' + literal.replace("'", "''") + '\'';
    }

    private static java.util.logging.Logger quietZonky() {
        java.util.logging.Logger logger = java.util.logging.Logger.getLogger("io.zonky.test");
        logger.setLevel(java.util.logging.Level.WARNING);
        return logger;
    }
}
