package io.quarkiverse.sqlspec.runtime.jdbc;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * DuckDB's JDBC driver reports no SQLSTATE: its messages start with the error's type instead
 * ({@code Constraint Error: Duplicate key "id: 1" violates primary key constraint}). This derives the SQLSTATE that
 * PostgreSQL reports for the same failure, so that both databases end in the same exceptions and HTTP statuses.
 */
final class DuckDbErrors {

    /** Quoted text in a DuckDB message is the data it could not store or read. */
    private static final Pattern QUOTED = Pattern.compile("\"[^\"]*\"|'[^']*'");

    private DuckDbErrors() {
    }

    /** The SQLSTATE for a DuckDB message, or {@code null} when it is not one. */
    static String sqlState(String message) {
        if (message == null) {
            return null;
        }
        if (message.startsWith("Constraint Error: ")) {
            String lower = message.toLowerCase(Locale.ROOT);
            if (lower.contains("duplicate key") || lower.contains("unique constraint")) {
                return "23505";
            }
            if (message.contains("NOT NULL constraint")) {
                return "23502";
            }
            if (message.contains("CHECK constraint")) {
                return "23514";
            }
            if (message.contains("foreign key")) {
                return "23503";
            }
            return "23000";
        }
        if (message.startsWith("Conversion Error: ")) {
            return "22018";
        }
        if (message.startsWith("Out of Range Error: ")) {
            return "22003";
        }
        if (message.startsWith("Divide by Zero Error: ")) {
            return "22012";
        }
        if (message.startsWith("Invalid Input Error: ")) {
            return "22000";
        }
        if (message.startsWith("TransactionContext Error: ")) {
            if (message.contains("UNIQUE constraint violation")) {
                return "23505"; // a duplicate inserted by a concurrent transaction, found at commit
            }
            if (message.contains("onflict")) {
                return "40001";
            }
            return message.contains("aborted") ? "25P02" : "25000";
        }
        if (message.startsWith("Parser Error: ") || message.startsWith("Syntax Error: ")) {
            return "42601";
        }
        if (message.startsWith("Catalog Error: ")) {
            return "42P01";
        }
        if (message.startsWith("Binder Error: ")) {
            return "42703";
        }
        if (message.startsWith("INTERRUPT Error: ") || message.startsWith("Interrupt Error: ")) {
            return "57014";
        }
        return null;
    }

    /** Without the values of the row or the text that failed: the quoted parts of a data or constraint error. */
    static String mask(String message, String state) {
        if (state != null && (state.startsWith("22") || state.startsWith("23"))) {
            return QUOTED.matcher(message).replaceAll(match -> match.group().charAt(0) + "***"
                    + match.group().charAt(0));
        }
        return message;
    }
}
