package io.quarkiverse.sqlspec.test.observability;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;
import io.quarkus.test.common.http.TestHTTPResource;
import io.restassured.response.Response;

class CorrelationTest {

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(ObservedResource.class, ObservedResource.Collector.class))
            .overrideConfigKey("quarkus.datasource.db-kind", "postgresql");

    @TestHTTPResource
    URL base;

    static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

    @Test
    void eachHeaderIsHonouredInOrder() {
        assertEchoed("abc-123", "X-Request-ID", "abc-123");
        assertEchoed("corr.1", "X-Correlation-ID", "corr.1");
        assertEchoed(TRACE_ID, "traceparent", "00-" + TRACE_ID + "-00f067aa0ba902b7-01");
        assertEchoed("105445aa7843bc8bf206b12000100000", "X-Cloud-Trace-Context",
                "105445aa7843bc8bf206b12000100000/1;o=1");
        assertEchoed("1-5759e988-bd862e3fe1be46a994272793", "X-Amzn-Trace-Id",
                "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1");
        assertEchoed("463ac35c9f6413ad48485a3953bb6124", "X-B3-TraceId", "463ac35c9f6413ad48485a3953bb6124");
        assertEchoed("client:7", "X-Client-Trace-Id", "client:7");
    }

    @Test
    void firstHeaderInTheListWins() {
        Response response = given().header("X-Correlation-ID", "second").header("X-Request-ID", "first")
                .header("traceparent", "00-" + TRACE_ID + "-00f067aa0ba902b7-01").get("/observed/id");
        assertThat(response.header("X-Request-ID")).isEqualTo("first");
        assertThat(response.asString()).isEqualTo("first");
    }

    @Test
    void missingHeaderGetsAFreshIdPerRequest() {
        String first = given().get("/observed/id").then().statusCode(200).extract().header("X-Request-ID");
        String second = given().get("/observed/id").then().statusCode(200).extract().header("X-Request-ID");
        assertThat(first).matches("[0-9a-f]{32}");
        assertThat(second).matches("[0-9a-f]{32}").isNotEqualTo(first);
    }

    @Test
    void unsafeValuesAreReplacedNeverEchoed() throws Exception {
        for (String unsafe : new String[] { "<script>alert(1)</script>", "a b", "x".repeat(10_000), "ok\u00e9",
                "id;drop", "  " }) {
            String raw = rawRequest("X-Request-ID: " + unsafe);
            String echoed = header(raw, "X-Request-ID");
            assertThat(echoed).matches("[0-9a-f]{32}");
            assertThat(raw).doesNotContain("<script>").doesNotContain("x".repeat(200));
        }
        // trimmed, and 128 characters is still fine
        assertEchoed("spaced", "X-Request-ID", "  spaced  ");
        assertEchoed("y".repeat(128), "X-Request-ID", "y".repeat(128));
        assertThat(given().header("X-Request-ID", "y".repeat(129)).get("/observed/id").header("X-Request-ID"))
                .matches("[0-9a-f]{32}");
    }

    @Test
    void headerInjectionCannotSplitTheResponse() throws Exception {
        // a bare LF inside the value: the server must not echo anything after it as a header of its own
        String raw = rawRequest("X-Request-ID: good\nInjected: yes");
        assertThat(raw).doesNotContain("Injected: yes");
    }

    private void assertEchoed(String expected, String header, String value) {
        Response response = given().header(header, value).get("/observed/id");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.header("X-Request-ID")).isEqualTo(expected);
        assertThat(response.asString()).isEqualTo(expected);
    }

    private String rawRequest(String headerLine) throws Exception {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET /observed/id HTTP/1.1\r\nHost: localhost\r\n" + headerLine
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream response = new ByteArrayOutputStream();
            in.transferTo(response);
            return response.toString(StandardCharsets.ISO_8859_1);
        }
    }

    private static String header(String rawResponse, String name) {
        for (String line : rawResponse.split("\r\n")) {
            if (line.regionMatches(true, 0, name + ":", 0, name.length() + 1)) {
                return line.substring(name.length() + 1).trim();
            }
        }
        return "";
    }
}
