package io.quarkiverse.sqlspec.runtime.httpsession;

import java.time.Duration;

import io.quarkiverse.sqlspec.runtime.config.SqlSpecRuntimeConfig.CookieSecure;
import io.quarkiverse.sqlspec.runtime.config.SqlSpecRuntimeConfig.HttpSessionConfig;
import io.quarkiverse.sqlspec.runtime.config.SqlSpecRuntimeConfig.SameSite;
import io.quarkus.runtime.configuration.ConfigurationException;

/**
 * The HTTP-session settings, validated at startup.
 */
public record HttpSessionSettings(String cookieName, SameSite sameSite, CookieSecure secure, Duration idleTimeout,
        Duration absoluteTimeout, Duration renewAfter) {

    public static HttpSessionSettings of(HttpSessionConfig config) {
        if (!config.cookieName().matches("[A-Za-z0-9_\\-]{1,64}")) {
            throw new ConfigurationException("quarkus.sqlspec.http-session.cookie-name is '" + config.cookieName()
                    + "': use letters, digits, '_' and '-' (at most 64)");
        }
        if (config.idleTimeout().isNegative() || config.idleTimeout().isZero()) {
            throw new ConfigurationException("quarkus.sqlspec.http-session.idle-timeout must be positive");
        }
        return new HttpSessionSettings(config.cookieName(), config.cookieSameSite(), config.cookieSecure(),
                config.idleTimeout(), config.absoluteTimeout(), config.renewAfter());
    }

    boolean hostPrefixed() {
        return cookieName.startsWith("__Host-");
    }
}
