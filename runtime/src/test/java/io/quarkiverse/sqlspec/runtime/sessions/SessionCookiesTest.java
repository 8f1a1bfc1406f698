package io.quarkiverse.sqlspec.runtime.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class SessionCookiesTest {

    static SessionSettings settings(String name, String sameSite, String secure) {
        return new SessionSettings(name, sameSite, secure, Duration.ofMinutes(30), Duration.ofHours(8),
                Duration.ofSeconds(60));
    }

    @Test
    void secureFollowsTheRequestInAutoMode() {
        assertThat(SessionCookies.header(settings("s", "Lax", "auto"), "id", false))
                .isEqualTo("s=id; Path=/; HttpOnly; SameSite=Lax");
        assertThat(SessionCookies.header(settings("s", "Lax", "auto"), "id", true))
                .isEqualTo("s=id; Path=/; HttpOnly; SameSite=Lax; Secure");
        assertThat(SessionCookies.header(settings("s", "Strict", "always"), "id", false)).endsWith("; Secure")
                .contains("SameSite=Strict");
        assertThat(SessionCookies.header(settings("s", "Lax", "never"), "id", true)).doesNotContain("Secure");
    }

    @Test
    void hostPrefixAndSameSiteNoneAlwaysSecure() {
        assertThat(SessionCookies.header(settings("__Host-s", "Lax", "never"), "id", false))
                .isEqualTo("__Host-s=id; Path=/; HttpOnly; SameSite=Lax; Secure");
        assertThat(SessionCookies.header(settings("s", "None", "auto"), "id", false)).endsWith("; Secure");
    }

    @Test
    void clearingExpiresTheCookieAtOnce() {
        assertThat(SessionCookies.header(settings("s", "Lax", "auto"), "", false))
                .isEqualTo("s=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0");
    }

    @Test
    void onlyServerShapedIdsAreLookedUp() {
        assertThat(SessionState.wellFormed(SessionState.newId())).isTrue();
        assertThat(SessionState.newId()).isNotEqualTo(SessionState.newId());
        assertThat(SessionState.wellFormed("short")).isFalse();
        assertThat(SessionState.wellFormed("=".repeat(43))).isFalse();
        assertThat(SessionState.wellFormed(null)).isFalse();
    }
}
