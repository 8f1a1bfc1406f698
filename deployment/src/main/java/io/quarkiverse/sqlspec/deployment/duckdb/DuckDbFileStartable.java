package io.quarkiverse.sqlspec.deployment.duckdb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.jboss.logging.Logger;

import io.quarkus.datasource.deployment.spi.DatasourceStartable;

/**
 * One datasource's DuckDB file. Started when Quarkus's Dev Services start the datasource (dev mode, a test run), so
 * it begins empty, as the embedded PostgreSQL does, and lives across live reloads, which reuse the Dev Service. It is
 * left in place when the application stops, to be opened with DuckDB's own tools.
 */
final class DuckDbFileStartable implements DatasourceStartable {

    private static final Logger LOG = Logger.getLogger(DuckDbFileStartable.class);

    private final String datasourceName;
    private final Path file;

    DuckDbFileStartable(String datasourceName, Path file) {
        this.datasourceName = datasourceName;
        this.file = file.toAbsolutePath();
    }

    @Override
    public void start() {
        try {
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(file);
            Files.deleteIfExists(file.resolveSibling(file.getFileName() + ".wal"));
        } catch (IOException e) {
            throw new UncheckedIOException("SQLSpec Dev Services could not prepare the DuckDB file " + file
                    + " for datasource '" + datasourceName + "': " + e.getMessage()
                    + ". Check that the build directory is writable, or set its JDBC URL", e);
        }
        LOG.infof("DuckDB database file %s for datasource '%s' (new for this run, kept across live reloads)", file,
                datasourceName);
    }

    @Override
    public void close() {
        // the file stays for inspection; the next start begins a new one
    }

    @Override
    public String getConnectionInfo() {
        return getEffectiveJdbcUrl();
    }

    @Override
    public String getContainerId() {
        // not a container: Quarkus logs this id, so make it say what it is
        return "duckdb-file";
    }

    @Override
    public String getEffectiveJdbcUrl() {
        return "jdbc:duckdb:" + file;
    }

    @Override
    public String getReactiveUrl() {
        return null;
    }

    /** DuckDB has no users; Quarkus needs a value, and an empty one is no setting at all. */
    @Override
    public String getUsername() {
        return "";
    }

    @Override
    public String getPassword() {
        return "";
    }
}
