package io.quarkiverse.sqlspec.runtime.httpsession;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkiverse.sqlspec.runtime.config.SqlSpecRuntimeConfig.CookieSecure;
import io.quarkiverse.sqlspec.runtime.config.SqlSpecRuntimeConfig.SameSite;
import io.quarkus.runtime.configuration.ConfigurationException;

/**
 * The parts of HTTP sessions that need no database: the cookie, ids and their stored keys, the table's name.
 */
class HttpSessionBasicsTest {

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
    void theSessionCookieIsFoundAmongTheOthers() {
        assertThat(HttpSessionCookies.find(List.of("sid=abc"), "sid")).isEqualTo("abc");
        assertThat(HttpSessionCookies.find(List.of("theme=dark; sid=abc; lang=en"), "sid")).isEqualTo("abc");
        assertThat(HttpSessionCookies.find(List.of("theme=dark;sid=abc"), "sid")).isEqualTo("abc");
        assertThat(HttpSessionCookies.find(List.of("sid=\"abc\""), "sid")).isEqualTo("abc");
        // names that contain or extend the session cookie's are other cookies
        assertThat(HttpSessionCookies.find(List.of("xsid=no; sidx=no; sid=yes"), "sid")).isEqualTo("yes");
        assertThat(HttpSessionCookies.find(List.of("theme=dark", "sid=abc"), "sid")).isEqualTo("abc");
        assertThat(HttpSessionCookies.find(List.of("sid=first; sid=second"), "sid")).isEqualTo("first");
        assertThat(HttpSessionCookies.find(List.of("sid="), "sid")).isEmpty();
        assertThat(HttpSessionCookies.find(List.of("theme=dark; sid", "x=sid=abc"), "sid")).isNull();
        assertThat(HttpSessionCookies.find(List.of(), "sid")).isNull();
    }

    @Test
    void onlyServerShapedIdsAreLookedUp() {
        assertThat(HttpSessionIds.wellFormed(HttpSessionIds.newId())).isTrue();
        assertThat(HttpSessionIds.newId()).isNotEqualTo(HttpSessionIds.newId());
        assertThat(HttpSessionIds.wellFormed("short")).isFalse();
        assertThat(HttpSessionIds.wellFormed("=".repeat(43))).isFalse();
        assertThat(HttpSessionIds.wellFormed(null)).isFalse();
    }

    @Test
    void theStoredKeyIsTheIdsSha256AndNeverTheId() {
        String id = HttpSessionIds.newId();
        assertThat(HttpSessionIds.key(id)).matches("[0-9a-f]{64}").isNotEqualTo(id)
                .isEqualTo(HttpSessionIds.key(id));
        // echo -n abc | sha256sum
        assertThat(HttpSessionIds.key("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void tableNamesAreValidatedIdentifiers() {
        assertThat(HttpSessionTable.named("app.web_sessions", "p").name()).isEqualTo("app.web_sessions");
        for (String bad : new String[] { "sessions; DROP TABLE users", "Sessions", "a.b.c", "x".repeat(64), "" }) {
            assertThatThrownBy(() -> HttpSessionTable.named(bad, "quarkus.sqlspec.http-session.table"))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("quarkus.sqlspec.http-session.table");
        }
    }
}
