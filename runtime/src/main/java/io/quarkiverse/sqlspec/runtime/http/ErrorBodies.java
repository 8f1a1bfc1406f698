package io.quarkiverse.sqlspec.runtime.http;

import io.netty.handler.codec.http.HttpResponseStatus;
import io.quarkiverse.sqlspec.runtime.observability.CorrelationHandler;

/**
 * The one JSON shape of every error response SQLSpec writes, in every launch mode:
 * {@code {"status":503,"error":"Service Unavailable","message":"...","sqlState":"08001","requestId":"..."}}
 * ({@code sqlState} and {@code requestId} only when known). Written without a JSON library (the application may have
 * none); it says what went wrong in the client's terms and never carries SQL, row values or stack traces.
 */
public final class ErrorBodies {

    private ErrorBodies() {
    }

    public static String json(int status, String message, String sqlState) {
        StringBuilder body = new StringBuilder(160).append("{\"status\":").append(status)
                .append(",\"error\":\"").append(escape(HttpResponseStatus.valueOf(status).reasonPhrase()))
                .append("\",\"message\":\"").append(escape(message)).append('"');
        if (sqlState != null) {
            body.append(",\"sqlState\":\"").append(escape(sqlState)).append('"');
        }
        String requestId = CorrelationHandler.currentId();
        if (requestId != null) {
            body.append(",\"requestId\":\"").append(escape(requestId)).append('"');
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
