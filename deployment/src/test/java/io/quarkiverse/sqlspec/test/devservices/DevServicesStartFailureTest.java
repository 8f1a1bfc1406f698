package io.quarkiverse.sqlspec.test.devservices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/**
 * When PostgreSQL cannot start, the user reads why and what to do, not a bare stack trace.
 */
class DevServicesStartFailureTest {

    static final ServerSocket PORT_IN_USE = occupyPort();

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .overrideConfigKey("quarkus.datasource.db-kind", "postgresql")
            .overrideConfigKey("quarkus.datasource.devservices.port", String.valueOf(PORT_IN_USE.getLocalPort()))
            // the occupied port accepts TCP connections, so without a bound the readiness probe would wait 60 s
            .overrideConfigKey("quarkus.devservices.timeout", "3s")
            .assertException(failure -> {
                String messages = allMessages(failure);
                assertThat(messages)
                        .contains("SQLSpec Dev Services could not start an embedded PostgreSQL for the default datasource")
                        .contains("Is port " + PORT_IN_USE.getLocalPort() + " already in use?")
                        .contains("quarkus.datasource.devservices.port")
                        .contains("quarkus.datasource.jdbc.url")
                        .contains("quarkus.sqlspec.devservices.enabled=false");
            });

    @AfterAll
    static void freePort() throws IOException {
        PORT_IN_USE.close();
    }

    @Test
    void startupFailsWithAnExplanation() {
        fail("the application must not start when its database cannot");
    }

    private static String allMessages(Throwable failure) {
        StringBuilder messages = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            messages.append(t.getMessage()).append('\n');
        }
        return messages.toString();
    }

    private static ServerSocket occupyPort() {
        try {
            return new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
