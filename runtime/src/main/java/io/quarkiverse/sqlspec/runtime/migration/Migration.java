package io.quarkiverse.sqlspec.runtime.migration;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.quarkiverse.sqlspec.exception.SqlParameterException;
import io.quarkiverse.sqlspec.runtime.sql.NamedSqlFile;
import io.quarkiverse.sqlspec.runtime.sql.SqlParser;

/**
 * One migration file in SQLSpec's format, {@code <version>_<description>.sql}:
 *
 * <pre>
 * -- Description: create the users table       (optional; else the file name's description)
 * -- transactional: false                      (optional; default true)
 *
 * -- name: migrate-0001-up
 * CREATE TABLE users (...);
 *
 * -- name: migrate-0001-down                  (optional)
 * DROP TABLE users;
 * </pre>
 *
 * Read at build time; a file that does not follow the format fails the build with its path and line.
 *
 * @param file the path below the application's resources, e.g. {@code db/migrations/0001_users.sql}
 * @param down the down block, or {@code null} when the migration cannot be reverted
 * @param checksum SQLSpec's checksum: MD5 (hex) of the file, line endings normalized and {@code -- name:} lines removed
 */
public record Migration(String file, MigrationVersion version, String description, String up, String down,
        boolean transactional, String checksum) {

    private static final Pattern FILE_NAME = Pattern.compile("([^_.]+)(?:_([^.]*))?\\.sql");
    private static final Pattern DESCRIPTION = Pattern.compile("^--\\s*Description:\\s*(.*?)\\s*$", Pattern.MULTILINE);
    private static final Pattern TRANSACTIONAL = Pattern.compile("^--\\s*transactional:\\s*(true|false)\\s*$",
            Pattern.MULTILINE | Pattern.CASE_INSENSITIVE);
    private static final Pattern NAME_LINES = Pattern.compile("^--\\s*name:\\s*migrate-[^-]+-(?:up|down)\\s*$",
            Pattern.MULTILINE | Pattern.UNIX_LINES);

    /** A migration file that does not follow the format; the message names the file and line. */
    public static final class InvalidMigrationException extends RuntimeException {
        public InvalidMigrationException(String message) {
            super(message);
        }
    }

    /**
     * @param file the path below the application's resources
     */
    public static Migration parse(String file, String content) {
        String name = file.substring(file.lastIndexOf('/') + 1);
        String naming = file + ": a migration file is named <version>_<description>.sql, for example"
                + " 0001_create_users.sql or 20251011120000_create_users.sql";
        Matcher fileName = FILE_NAME.matcher(name);
        if (!fileName.matches()) {
            throw new InvalidMigrationException(naming);
        }
        MigrationVersion version;
        try {
            version = MigrationVersion.parse(fileName.group(1));
        } catch (IllegalArgumentException e) {
            throw new InvalidMigrationException(naming + " (" + e.getMessage() + ")");
        }
        List<NamedSqlFile.Statement> blocks;
        try {
            blocks = NamedSqlFile.blocks(file, content);
        } catch (NamedSqlFile.InvalidSqlFileException e) {
            throw new InvalidMigrationException(e.getMessage());
        }
        String upName = "migrate-" + version + "-up";
        String downName = "migrate-" + version + "-down";
        String up = null;
        String down = null;
        for (NamedSqlFile.Statement block : blocks) {
            String where = file + ":" + block.line();
            if (block.name().equals(upName) && up == null) {
                up = checked(where, block);
            } else if (block.name().equals(downName) && down == null) {
                down = checked(where, block);
            } else {
                throw new InvalidMigrationException(where + ": '-- name: " + block.name() + "' is "
                        + (block.name().equals(upName) || block.name().equals(downName) ? "defined twice"
                                : "not a block of this migration: use '-- name: " + upName + "' and optionally '-- name: "
                                        + downName + "'"));
            }
        }
        if (up == null) {
            throw new InvalidMigrationException(file + ":1: the migration has no '-- name: " + upName + "' block");
        }
        Matcher description = DESCRIPTION.matcher(content);
        Matcher transactional = TRANSACTIONAL.matcher(content);
        return new Migration(file, version,
                description.find() ? description.group(1)
                        : fileName.group(2) == null ? "" : fileName.group(2).replace('_', ' '),
                up, down, !transactional.find() || transactional.group(1).toLowerCase(Locale.ROOT).equals("true"),
                checksum(content));
    }

    /** A quote, comment or dollar-quoted string left open would swallow the rest of the migration. */
    private static String checked(String where, NamedSqlFile.Statement block) {
        String problem;
        try {
            problem = SqlParser.parse(block.sql()).unterminatedConstruct();
        } catch (SqlParameterException notPlaceholders) {
            problem = null; // migrations take no parameters: what looks like a placeholder is SQL
        }
        if (problem != null) {
            throw new InvalidMigrationException(where + ": block '" + block.name() + "' has " + problem);
        }
        return block.sql();
    }

    static String checksum(String content) {
        String canonical = NAME_LINES.matcher(content.replace("\r\n", "\n").replace('\r', '\n')).replaceAll("");
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5")
                    .digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is required of every Java platform", e);
        }
    }
}
