package io.quarkiverse.sqlspec.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/**
 * A port nobody listens on, for dev-mode test applications: they listen on {@code quarkus.http.port} (not the test
 * port, which {@code QuarkusUnitTest} applications set to 0) and cannot report a random one, while other processes may
 * hold 8080.
 */
public final class FreePort {

    private FreePort() {
    }

    public static int pick() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
