package io.quarkiverse.sqlspec.runtime.httpsession;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.quarkiverse.sqlspec.runtime.config.SqlSpecRuntimeConfig.CookieSecure;
import io.quarkiverse.sqlspec.runtime.config.SqlSpecRuntimeConfig.SameSite;

class HttpSessionCookiesTest {

    static HttpSessionSettings settings(String name, SameSite sameSite, CookieSecure secure) {
        return new HttpSessionSettings(name, sameSite, secure, Duration.ofMinutes(30), Duration.ofHours(8),
                Duration.ofSeconds(60));
    }

    @Test
    void secureFollowsTheRequestInAutoMode() {
        assertThat(HttpSessionCookies.header(settings("s", SameSite.LAX, CookieSecure.AUTO), "id", false))
                .isEqualTo("s=id; Path=/; HttpOnly; SameSite=Lax");
        assertThat(HttpSessionCookies.header(settings("s", SameSite.LAX, CookieSecure.AUTO), "id", true))
                .isEqualTo("s=id; Path=/; HttpOnly; SameSite=Lax; Secure");
        assertThat(HttpSessionCookies.header(settings("s", SameSite.STRICT, CookieSecure.ALWAYS), "id", false)).endsWith("; Secure")
                .contains("SameSite=Strict");
        assertThat(HttpSessionCookies.header(settings("s", SameSite.LAX, CookieSecure.NEVER), "id", true)).doesNotContain("Secure");
    }

    @Test
    void hostPrefixAndSameSiteNoneAlwaysSecure() {
        assertThat(HttpSessionCookies.header(settings("__Host-s", SameSite.LAX, CookieSecure.NEVER), "id", false))
                .isEqualTo("__Host-s=id; Path=/; HttpOnly; SameSite=Lax; Secure");
        assertThat(HttpSessionCookies.header(settings("s", SameSite.NONE, CookieSecure.AUTO), "id", false)).endsWith("; Secure");
    }

    @Test
    void clearingExpiresTheCookieAtOnce() {
        assertThat(HttpSessionCookies.header(settings("s", SameSite.LAX, CookieSecure.AUTO), "", false))
                .isEqualTo("s=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0");
    }

    @Test
    void onlyServerShapedIdsAreLookedUp() {
        assertThat(HttpSessionState.wellFormed(HttpSessionState.newId())).isTrue();
        assertThat(HttpSessionState.newId()).isNotEqualTo(HttpSessionState.newId());
        assertThat(HttpSessionState.wellFormed("short")).isFalse();
        assertThat(HttpSessionState.wellFormed("=".repeat(43))).isFalse();
        assertThat(HttpSessionState.wellFormed(null)).isFalse();
    }
}
