package io.quarkiverse.sqlspec.runtime.sessions;

/**
 * The session cookie's {@code Set-Cookie} value: always {@code HttpOnly} and {@code Path=/}; {@code Secure} as
 * configured (and always for {@code __Host-} names); {@code SameSite} as configured.
 */
final class SessionCookies {

    private SessionCookies() {
    }

    /**
     * @param value the session id, or {@code ""} to clear the cookie
     */
    static String header(SessionSettings settings, String value, boolean secureRequest) {
        StringBuilder cookie = new StringBuilder(settings.cookieName()).append('=').append(value)
                .append("; Path=/; HttpOnly; SameSite=").append(settings.sameSite());
        if (value.isEmpty()) {
            cookie.append("; Max-Age=0");
        }
        boolean secure = settings.hostPrefixed() || settings.secure().equals("always")
                || (settings.secure().equals("auto") && secureRequest) || settings.sameSite().equals("None");
        if (secure) {
            cookie.append("; Secure");
        }
        return cookie.toString();
    }
}
