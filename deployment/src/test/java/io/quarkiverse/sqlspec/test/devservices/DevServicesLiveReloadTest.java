package io.quarkiverse.sqlspec.test.devservices;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.sqlspec.test.FreePort;
import io.quarkus.test.QuarkusDevModeTest;

/**
 * A live reload must keep the embedded server: same port, same postmaster, data still there.
 */
class DevServicesLiveReloadTest {

    static final int PORT = FreePort.pick();

    @RegisterExtension
    static final QuarkusDevModeTest dev = new QuarkusDevModeTest()
            .withApplicationRoot(jar -> jar.addClasses(DevModeProbeResource.class, FreePort.class)
                    .addAsResource(new StringAsset("quarkus.http.port=" + PORT + "\nquarkus.datasource.db-kind=postgresql\n"),
                            "application.properties"));

    @Test
    void liveReloadKeepsTheSameServerAndItsData() {
        given().port(PORT).post("/probe").then().statusCode(200);
        String before = given().port(PORT).get("/probe").then().statusCode(200).extract().asString();
        assertThat(before).startsWith("before-reload").endsWith("rows=1");

        dev.modifySourceFile(DevModeProbeResource.class, source -> source.replace("before-reload", "after-reload"));

        String after = given().port(PORT).get("/probe").then().statusCode(200).extract().asString();
        assertThat(after).startsWith("after-reload");
        assertThat(serverIdentity(after)).isEqualTo(serverIdentity(before));
        assertThat(after).endsWith("rows=1");
    }

    private static String serverIdentity(String description) {
        return description.substring(description.indexOf("port="));
    }
}
