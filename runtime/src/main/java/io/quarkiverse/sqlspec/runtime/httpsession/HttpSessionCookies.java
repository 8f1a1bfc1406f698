package io.quarkiverse.sqlspec.runtime.httpsession;

import io.quarkiverse.sqlspec.runtime.config.SqlSpecRuntimeConfig.CookieSecure;
import io.quarkiverse.sqlspec.runtime.config.SqlSpecRuntimeConfig.SameSite;

/**
 * The session cookie's {@code Set-Cookie} value: always {@code HttpOnly} and {@code Path=/}; {@code Secure} as
 * configured (and always for {@code __Host-} names); {@code SameSite} as configured.
 */
final class HttpSessionCookies {

    private HttpSessionCookies() {
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
