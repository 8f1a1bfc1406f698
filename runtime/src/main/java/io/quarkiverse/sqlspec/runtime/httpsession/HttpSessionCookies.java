package io.quarkiverse.sqlspec.runtime.httpsession;

import java.util.List;

import io.quarkiverse.sqlspec.runtime.config.SqlSpecRuntimeConfig.CookieSecure;
import io.quarkiverse.sqlspec.runtime.config.SqlSpecRuntimeConfig.SameSite;

/**
 * The session cookie: found in the request's {@code Cookie} headers, and its {@code Set-Cookie} value (always
 * {@code HttpOnly} and {@code Path=/}; {@code Secure} as configured, and always for {@code __Host-} names;
 * {@code SameSite} as configured).
 */
final class HttpSessionCookies {

    private HttpSessionCookies() {
    }

    /**
     * The value of the first cookie called {@code name} in these {@code Cookie} header values (RFC 6265: pairs separated
     * by {@code ;}, optionally quoted values), or {@code null}.
     * <p>
     * Read from the header rather than through Vert.x's request cookies, which decode every cookie into a cookie jar
     * that the response then walks when it ends: per request, on the session's hot path, for one value.
     */
    static String find(List<String> cookieHeaders, String name) {
        for (String header : cookieHeaders) {
            int start = 0;
            int length = header.length();
            while (start < length) {
                int end = header.indexOf(';', start);
                if (end < 0) {
                    end = length;
                }
                int pairStart = skipSpaces(header, start, end);
                int equals = header.indexOf('=', pairStart);
                if (equals > 0 && equals < end && equals - pairStart == name.length()
                        && header.startsWith(name, pairStart)) {
                    return unquote(header.substring(equals + 1, end).trim());
                }
                start = end + 1;
            }
        }
        return null;
    }

    private static int skipSpaces(String text, int from, int to) {
        int i = from;
        while (i < to && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }

    private static String unquote(String value) {
        return value.length() >= 2 && value.charAt(0) == '"' && value.charAt(value.length() - 1) == '"'
                ? value.substring(1, value.length() - 1)
                : value;
    }

    /**
     * @param value the session id, or {@code ""} to clear the cookie
     */
    static String header(HttpSessionSettings settings, String value, boolean secureRequest) {
        StringBuilder cookie = new StringBuilder(settings.cookieName()).append('=').append(value)
                .append("; Path=/; HttpOnly; SameSite=").append(settings.sameSite().attribute());
        if (value.isEmpty()) {
            cookie.append("; Max-Age=0");
        }
        boolean secure = settings.hostPrefixed() || settings.secure() == CookieSecure.ALWAYS
                || (settings.secure() == CookieSecure.AUTO && secureRequest) || settings.sameSite() == SameSite.NONE;
        if (secure) {
            cookie.append("; Secure");
        }
        return cookie.toString();
    }
}
