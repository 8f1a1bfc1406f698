package io.quarkiverse.sqlspec.runtime.httpsession;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Session ids and the keys the table stores instead of them.
 * <p>
 * The cookie holds the id: 256 random bits from {@link SecureRandom}, URL-safe base64 (43 characters). The table holds
 * the id's SHA-256 in hex (64 characters), so that whoever reads the table (a replica, a backup, a support query)
 * finds no id a browser could present. An id is random, so a plain hash is enough: there is nothing to guess.
 */
final class HttpSessionIds {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int ID_BYTES = 32;
    static final int ID_LENGTH = 43;
    private static final HexFormat HEX = HexFormat.of();
    private static final MessageDigest SHA_256;

    static {
        try {
            SHA_256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    private HttpSessionIds() {
    }

    static String newId() {
        byte[] bytes = new byte[ID_BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Only ids of the shape the server issues are even looked up. */
    static boolean wellFormed(String id) {
        if (id == null || id.length() != ID_LENGTH) {
            return false;
        }
        for (int i = 0; i < ID_LENGTH; i++) {
            char c = id.charAt(i);
            if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_')) {
                return false;
            }
        }
        return true;
    }

    /** The key stored for an id: its SHA-256, lower-case hex; PostgreSQL computes the same with {@code sha256()}. */
    static String key(String id) {
        return HEX.formatHex(sha256().digest(id.getBytes(StandardCharsets.UTF_8)));
    }

    /** A copy of one digest made at start: cheaper than a provider lookup on every request. */
    private static MessageDigest sha256() {
        try {
            return (MessageDigest) SHA_256.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("The platform's SHA-256 cannot be copied", e);
        }
    }
}
