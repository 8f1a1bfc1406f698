package io.quarkiverse.sqlspec.runtime.migration;

import java.math.BigInteger;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

/**
 * A migration's version, as SQLSpec numbers them: sequential ({@code 0001}, padded to four digits) or a UTC timestamp
 * ({@code 20251011120000}, fourteen digits). Sequential versions come before timestamps; each kind is ordered by its
 * value.
 *
 * @param value the version as written in {@code ddl_migrations.version_num} and in {@code migrate-<value>-up}
 */
public record MigrationVersion(String value, Kind kind) implements Comparable<MigrationVersion> {

    /** How the version is numbered, as stored in {@code ddl_migrations.version_type}. */
    public enum Kind {
        SEQUENTIAL("sequential"),
        TIMESTAMP("timestamp");

        private final String stored;

        Kind(String stored) {
            this.stored = stored;
        }

        public String stored() {
            return stored;
        }
    }

    static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuuMMddHHmmss")
            .withResolverStyle(ResolverStyle.STRICT);

    /**
     * @throws IllegalArgumentException when {@code digits} is not a version (the message says what one looks like)
     */
    public static MigrationVersion parse(String digits) {
        if (digits.isEmpty() || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("'" + digits + "' is not a version: use digits, sequential (0001) or"
                    + " a UTC timestamp (yyyyMMddHHmmss)");
        }
        if (digits.length() == 14) {
            try {
                LocalDateTime.parse(digits, TIMESTAMP);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("'" + digits + "' has the length of a timestamp version"
                        + " (yyyyMMddHHmmss) but is not a valid date and time");
            }
            return new MigrationVersion(digits, Kind.TIMESTAMP);
        }
        return new MigrationVersion(digits.length() < 4 ? "0".repeat(4 - digits.length()) + digits : digits,
                Kind.SEQUENTIAL);
    }

    /** The version {@code create-migration} gives a new file: now, in UTC. */
    static MigrationVersion now() {
        return new MigrationVersion(LocalDateTime.now(ZoneOffset.UTC).format(TIMESTAMP), Kind.TIMESTAMP);
    }

    /** The sequential version after {@code this}, with at least four digits. */
    MigrationVersion nextSequential() {
        return parse(new BigInteger(value).add(BigInteger.ONE).toString());
    }

    @Override
    public int compareTo(MigrationVersion other) {
        if (kind != other.kind) {
            return kind == Kind.SEQUENTIAL ? -1 : 1;
        }
        return new BigInteger(value).compareTo(new BigInteger(other.value));
    }

    @Override
    public String toString() {
        return value;
    }
}
