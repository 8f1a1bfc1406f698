package io.quarkiverse.sqlspec.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Two instances of the packaged application on one database share sessions: a login on one is a session on the
 * other, and a logout on the other ends it everywhere.
 */
class SharedSessionsIT {

    @Test
    void aSessionCreatedOnOneInstanceIsServedByTheOther() throws Exception {
        try (EmbeddedPostgres postgres = PackagedApp.database();
                PackagedApp first = PackagedApp.start(postgres, "instance-a");
                PackagedApp second = PackagedApp.start(postgres, "instance-b")) {
            HttpResponse<String> login = PackagedApp.HTTP.send(HttpRequest.newBuilder(first.uri("/login"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"alice\",\"password\":\"secret\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(login.statusCode()).isEqualTo(200);
            String cookie = login.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];

            HttpResponse<String> profile = get(second, "/profile", cookie);
            assertThat(profile.statusCode()).isEqualTo(200);
            assertThat(profile.body()).contains("user_id");

            HttpResponse<String> logout = PackagedApp.HTTP.send(HttpRequest.newBuilder(second.uri("/logout"))
                    .header("Cookie", cookie).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(logout.statusCode()).isEqualTo(200);
            assertThat(get(first, "/profile", cookie).statusCode()).isEqualTo(401);
        }
    }

    private static HttpResponse<String> get(PackagedApp app, String path, String cookie) throws Exception {
        return PackagedApp.HTTP.send(HttpRequest.newBuilder(app.uri(path)).header("Cookie", cookie).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
