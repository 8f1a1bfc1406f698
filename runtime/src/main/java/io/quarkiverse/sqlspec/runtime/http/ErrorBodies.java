package io.quarkiverse.sqlspec.runtime.http;

/**
 * Small JSON error bodies written without a JSON library (the application may have none). They say what went wrong
 * in the client's terms and never carry stack traces or SQL.
 */
public final class ErrorBodies {

    private ErrorBodies() {
    }

    static String commitFailed(int status) {
        return status == 409
                ? json("Conflict", "The changes conflict with existing data and were not saved", null)
                : json("Internal Server Error", "The changes could not be saved", null);
    }

    public static String json(String error, String message, String sqlState) {
        StringBuilder body = new StringBuilder(96).append("{\"error\":\"").append(escape(error))
                .append("\",\"message\":\"").append(escape(message)).append('"');
        if (sqlState != null) {
            body.append(",\"sqlState\":\"").append(escape(sqlState)).append('"');
        }
        return body.append('}').toString();
    }

    private static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> escaped.append("\\\"");
                case '\\' -> escaped.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        escaped.append(String.format("\\u%04x", (int) c));
                    } else {
                        escaped.append(c);
                    }
                }
            }
        }
        return escaped.toString();
    }
}
