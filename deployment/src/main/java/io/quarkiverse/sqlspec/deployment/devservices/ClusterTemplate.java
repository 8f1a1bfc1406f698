package io.quarkiverse.sqlspec.deployment.devservices;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.jboss.logging.Logger;

import io.quarkus.bootstrap.util.IoUtils;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * An initialized, stopped PostgreSQL cluster kept between starts, so that a start copies it instead of running
 * {@code initdb} (which is most of a start's time).
 * <p>
 * One template per binaries version and server settings, under {@code ${java.io.tmpdir}/quarkus-sqlspec-pg/}. A template
 * counts only with its marker file, written last, after {@code initdb} and a clean shutdown, and naming the version
 * and settings it was made with: a half-written template (a build killed midway), one from other binaries or
 * settings, or one whose files went missing, is made again. Building one costs a start and a stop, once per machine.
 * <p>
 * The template may also hold objects made once on it ({@code setup}: the default role and database of Dev Services), so
 * that a start finds them instead of creating them. After each start a spare copy is made in the background, so that
 * the next start (a dev-mode restart, the next test run) renames a directory instead of copying one.
 */
final class ClusterTemplate {

    private static final Logger LOG = Logger.getLogger(ClusterTemplate.class);
    private static final String MARKER = "sqlspec-template.properties";
    private static final String BINARIES_BUNDLE = "postgres-linux-x86_64.txz";
    /** What a cluster cannot start without; checked before every copy. */
    private static final String[] ESSENTIAL_FILES = { "PG_VERSION", "postgresql.conf", "pg_hba.conf",
            "global/pg_control", "base" };

    private final Path directory;
    private final Path spare;
    private final Map<String, String> identity;
    private final List<String> setup;
    private volatile CompletableFuture<Void> spareMaking = CompletableFuture.completedFuture(null);

    private ClusterTemplate(Path directory, Map<String, String> identity, List<String> setup) {
        this.directory = directory;
        this.spare = directory.resolveSibling(directory.getFileName() + "-spare");
        this.identity = identity;
        this.setup = setup;
    }

    /**
     * @param settings the server settings the cluster is made with (part of the template's identity)
     * @param setup SQL run once on the template as its superuser (part of its identity too)
     */
    static ClusterTemplate forSettings(Map<String, String> settings, List<String> setup) {
        return in(Path.of(System.getProperty("java.io.tmpdir"), "quarkus-sqlspec-pg"), settings, setup);
    }

    static ClusterTemplate in(Path root, Map<String, String> settings) {
        return in(root, settings, List.of());
    }

    static ClusterTemplate in(Path root, Map<String, String> settings, List<String> setup) {
        Map<String, String> identity = new TreeMap<>(settings);
        identity.put("binaries", binaries());
        if (!setup.isEmpty()) {
            identity.put("setup", String.join(";\n", setup));
        }
        return new ClusterTemplate(root.resolve("pg-" + Integer.toHexString(identity.hashCode())), identity, setup);
    }

    Path directory() {
        return directory;
    }

    /**
     * A new data directory holding a copy of the template, made first if needed.
     *
     * @param builder the settings a server is started with, applied to the one that makes the template
     */
    Path newDataDirectory(UnaryOperator<EmbeddedPostgres.Builder> builder) throws IOException {
        if (!isComplete()) {
            build(builder);
        }
        deleteLeftovers();
        Path data = claimSpare();
        if (data == null) {
            data = Files.createTempDirectory(directory.getParent(), "data-");
            copyTo(data);
        }
        makeSpare();
        return data;
    }

    private void copyTo(Path data) throws IOException {
        IoUtils.copy(directory, data);
        Files.delete(data.resolve(MARKER));
    }

    /**
     * The spare copy, renamed to a data directory of its own (atomically: of two processes starting at once, one gets
     * it, the other copies); {@code null} when there is none or it lost files.
     */
    private Path claimSpare() {
        Path claimed = directory.resolveSibling("data-" + UUID.randomUUID());
        try {
            Files.move(spare, claimed, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            return null;
        }
        if (!hasEssentialFiles(claimed)) {
            delete(claimed);
            return null;
        }
        return claimed;
    }

    /** Copies the template to the spare in the background, unless a spare is there or being made. */
    private void makeSpare() {
        if (!spareMaking.isDone() || Files.exists(spare)) {
            return;
        }
        spareMaking = CompletableFuture.runAsync(() -> {
            Path building = null;
            try {
                building = Files.createTempDirectory(directory.getParent(), "building-spare-");
                copyTo(building);
                Files.move(building, spare, StandardCopyOption.ATOMIC_MOVE);
                building = null;
            } catch (IOException | RuntimeException e) {
                LOG.debugf(e, "No spare copy of the cluster template %s: the next start copies it", directory);
            } finally {
                if (building != null) {
                    delete(building);
                }
            }
        }, task -> {
            Thread thread = new Thread(task, "sqlspec-devservices-spare-cluster");
            thread.setDaemon(true);
            thread.setPriority(Thread.MIN_PRIORITY);
            thread.start();
        });
    }

    /** Waits for the spare being made in the background (measurements: the next start of a developer comes later). */
    void awaitSpare() {
        spareMaking.join();
    }

    void discardSpare() {
        awaitSpare();
        delete(spare);
    }

    /**
     * Copies and half-made templates left by processes that were killed: not running (no {@code postmaster.pid}) and
     * older than an hour, so that a copy another process is about to start is never taken.
     */
    private void deleteLeftovers() throws IOException {
        FileTime anHourAgo = FileTime.from(Instant.now().minus(Duration.ofHours(1)));
        try (Stream<Path> entries = Files.list(directory.getParent())) {
            entries.filter(path -> path.getFileName().toString().startsWith("data-")
                    || path.getFileName().toString().startsWith("building-"))
                    .filter(path -> !Files.exists(path.resolve("postmaster.pid")))
                    .filter(path -> {
                        try {
                            return Files.getLastModifiedTime(path).compareTo(anHourAgo) < 0;
                        } catch (IOException e) {
                            return false;
                        }
                    })
                    .forEach(ClusterTemplate::delete);
        }
    }

    /** Made again by the next start: a copy of it did not start although its files looked complete. */
    void discard() {
        discardSpare();
        delete(directory);
    }

    static void delete(Path dataDirectory) {
        IoUtils.recursiveDelete(dataDirectory);
    }

    boolean isComplete() {
        Path marker = directory.resolve(MARKER);
        if (!Files.isRegularFile(marker)) {
            return false;
        }
        if (!hasEssentialFiles(directory)) {
            return false;
        }
        Properties recorded = new Properties();
        try (InputStream in = Files.newInputStream(marker)) {
            recorded.load(in);
        } catch (IOException e) {
            return false;
        }
        return identity.equals(new TreeMap<>(toMap(recorded)));
    }

    private static boolean hasEssentialFiles(Path cluster) {
        for (String file : ESSENTIAL_FILES) {
            if (!Files.exists(cluster.resolve(file))) {
                return false;
            }
        }
        return true;
    }

    private void build(UnaryOperator<EmbeddedPostgres.Builder> builder) throws IOException {
        long started = System.nanoTime();
        Files.createDirectories(directory.getParent());
        Path building = Files.createTempDirectory(directory.getParent(), "building-");
        try {
            try (EmbeddedPostgres postgres = builder.apply(EmbeddedPostgres.builder())
                    .setDataDirectory(building).setCleanDataDirectory(false).start()) {
                LOG.debugf("Making the cluster template %s with PostgreSQL on port %d", directory, postgres.getPort());
                runSetup(postgres);
            }
            // stopped cleanly: no postmaster.pid, a consistent checkpoint
            Files.deleteIfExists(building.resolve("postmaster.pid"));
            Properties marker = new Properties();
            marker.putAll(identity);
            try (var out = Files.newOutputStream(building.resolve(MARKER))) {
                marker.store(out, "SQLSpec Dev Services: an initialized PostgreSQL cluster, copied for each start");
            }
            if (Files.exists(directory)) {
                discard(); // incomplete or made for other binaries or settings: its spare too
            }
            try {
                Files.move(building, directory, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
                // another process made it at the same time: use theirs
            }
            LOG.debugf("Cluster template %s made in %d ms", directory, (System.nanoTime() - started) / 1_000_000);
        } finally {
            if (Files.exists(building)) {
                delete(building);
            }
        }
    }

    private void runSetup(EmbeddedPostgres postgres) throws IOException {
        if (setup.isEmpty()) {
            return;
        }
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            for (String sql : setup) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IOException("Setting up the cluster template failed: " + e.getMessage(), e);
        }
    }

    private static Map<String, String> toMap(Properties properties) {
        Map<String, String> map = new TreeMap<>();
        properties.forEach((key, value) -> map.put(key.toString(), value.toString()));
        return map;
    }

    /**
     * The PostgreSQL binaries on the class path, which the template must have been made with: the jar that holds the
     * bundle (its name carries the version) and its size. Binaries that cannot be identified still work: a cluster of
     * another major version fails to start, and the start falls back to {@code initdb}.
     */
    private static String binaries() {
        URL bundle = EmbeddedPostgres.class.getClassLoader().getResource(BINARIES_BUNDLE);
        if (bundle == null || !"jar".equals(bundle.getProtocol())) {
            return "unknown";
        }
        String jar = bundle.getPath().substring(0, bundle.getPath().indexOf("!/"));
        try {
            Path file = Path.of(URI.create(jar));
            return file.getFileName() + "-" + Files.size(file);
        } catch (IOException | RuntimeException e) {
            return jar;
        }
    }
}
