package io.quarkiverse.sqlspec.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BiConsumer;

import io.quarkus.deployment.builditem.ApplicationArchivesBuildItem;

/**
 * The SQL files of the application's resources below a directory ({@code sql/} for named statements,
 * {@code db/migrations/} for migrations), read at build time.
 */
public final class ApplicationSqlFiles {

    private ApplicationSqlFiles() {
    }

    /**
     * Calls {@code file} with the resource path ({@code db/migrations/0001_x.sql}) and the UTF-8 content of every
     * {@code .sql} file below {@code directory}.
     */
    public static void forEach(ApplicationArchivesBuildItem archives, String directory,
            BiConsumer<String, String> file) {
        archives.getRootArchive().accept(tree -> tree.walkIfContains(directory, visit -> {
            String path = visit.getRelativePath("/");
            if (path.startsWith(directory + "/") && path.endsWith(".sql") && Files.isRegularFile(visit.getPath())) {
                file.accept(path, read(visit.getPath()));
            }
        }));
    }

    private static String read(Path path) {
        try {
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
