package io.quarkiverse.sqlspec.test.devservices;

import static io.restassured.RestAssured.given;
import static io.restassured.RestAssured.when;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusDevModeTest;

/**
 * A live reload must keep the embedded server: same port, same postmaster, data still there.
 */
class DevServicesLiveReloadTest {

    @RegisterExtension
    static final QuarkusDevModeTest dev = new QuarkusDevModeTest()
            .withApplicationRoot(jar -> jar.addClass(DevModeProbeResource.class)
                    .addAsResource(new org.jboss.shrinkwrap.api.asset.StringAsset(
                            "quarkus.datasource.db-kind=postgresql\n"), "application.properties"));

    @Test
    void liveReloadKeepsTheSameServerAndItsData() {
        given().post("/probe").then().statusCode(200);
        String before = when().get("/probe").then().statusCode(200).extract().asString();
        assertThat(before).startsWith("before-reload").endsWith("rows=1");

        dev.modifySourceFile(DevModeProbeResource.class, source -> source.replace("before-reload", "after-reload"));

        String after = when().get("/probe").then().statusCode(200).extract().asString();
        assertThat(after).startsWith("after-reload");
        assertThat(serverIdentity(after)).isEqualTo(serverIdentity(before));
        assertThat(after).endsWith("rows=1");
    }

    private static String serverIdentity(String description) {
        return description.substring(description.indexOf("port="));
    }
}
