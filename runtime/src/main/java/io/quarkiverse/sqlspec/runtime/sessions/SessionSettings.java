package io.quarkiverse.sqlspec.runtime.sessions;

import java.time.Duration;
import java.util.Locale;

import io.quarkiverse.sqlspec.runtime.config.SqlSpecRuntimeConfig;
import io.quarkus.runtime.configuration.ConfigurationException;

/**
 * The session settings, validated at startup.
 */
public record SessionSettings(String cookieName, String sameSite, String secure, Duration idleTimeout,
        Duration absoluteTimeout, Duration renewAfter) {

    public static SessionSettings of(SqlSpecRuntimeConfig.Sessions config) {
        String sameSite = switch (config.cookieSameSite().toLowerCase(Locale.ROOT)) {
            case "lax" -> "Lax";
            case "strict" -> "Strict";
            case "none" -> "None";
            default -> throw new ConfigurationException("quarkus.sqlspec.session.cookie-same-site is '"
                    + config.cookieSameSite() + "': use Lax, Strict or None");
        };
        String secure = config.cookieSecure().toLowerCase(Locale.ROOT);
        if (!secure.equals("auto") && !secure.equals("always") && !secure.equals("never")) {
            throw new ConfigurationException("quarkus.sqlspec.session.cookie-secure is '" + config.cookieSecure()
                    + "': use auto, always or never");
        }
        if (!config.cookieName().matches("[A-Za-z0-9_\\-]{1,64}")) {
            throw new ConfigurationException("quarkus.sqlspec.session.cookie-name is '" + config.cookieName()
                    + "': use letters, digits, '_' and '-' (at most 64)");
        }
        if (config.idleTimeout().isNegative() || config.idleTimeout().isZero()) {
            throw new ConfigurationException("quarkus.sqlspec.session.idle-timeout must be positive");
        }
        return new SessionSettings(config.cookieName(), sameSite, secure, config.idleTimeout(),
                config.absoluteTimeout(), config.renewAfter());
    }

    boolean hostPrefixed() {
        return cookieName.startsWith("__Host-");
    }
}
