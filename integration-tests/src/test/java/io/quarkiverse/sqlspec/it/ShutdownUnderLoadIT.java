package io.quarkiverse.sqlspec.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

import org.junit.jupiter.api.Test;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * SIGTERM while 32 clients keep sending: every request gets a complete response (200, then 503) or a refused
 * connection, never a reset or a closed connection in place of a response. The clients speak HTTP/1.1 over plain
 * sockets, because an HTTP client library retries such failures and would hide them; half keep their connection
 * alive, half open a new one per request.
 */
class ShutdownUnderLoadIT {

    static final int WORKERS = 32;

    final Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();

    @Test
    void everyRequestIsAnsweredOrRefusedNeverReset() throws Exception {
        try (EmbeddedPostgres postgres = PackagedApp.database();
                PackagedApp app = PackagedApp.start(postgres, "shutdown-under-load",
                        "-Dquarkus.shutdown.timeout=10s")) {
            AtomicBoolean running = new AtomicBoolean(true);
            List<Thread> workers = new ArrayList<>();
            for (int i = 0; i < WORKERS; i++) {
                boolean keepAlive = i % 2 == 0;
                Thread worker = new Thread(() -> load(app.port, keepAlive, running), "load-" + i);
                worker.start();
                workers.add(worker);
            }
            awaitOutcome("200", 2_000);
            app.process.destroy(); // SIGTERM
            assertThat(app.process.waitFor(20, TimeUnit.SECONDS)).as("exits within the shutdown timeout").isTrue();
            awaitOutcome("refused", 2_000);
            running.set(false);
            for (Thread worker : workers) {
                worker.join(10_000);
            }
        }
        Map<String, Long> counts = new TreeMap<>();
        outcomes.forEach((outcome, count) -> counts.put(outcome, count.sum()));
        System.out.printf("shutdown under load (%d workers): %s%n", WORKERS, counts);
        assertThat(counts).containsKeys("200", "503", "refused");
        assertThat(counts.keySet()).as("complete responses and refused connections only").isSubsetOf("200", "503",
                "refused");
    }

    private void awaitOutcome(String outcome, long atLeastMillis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!outcomes.containsKey(outcome) || outcomes.get(outcome).sum() < 10) {
            assertThat(System.nanoTime()).as("outcome %s seen", outcome).isLessThan(deadline);
            Thread.sleep(20);
        }
        Thread.sleep(atLeastMillis);
    }

    private void record(String outcome) {
        outcomes.computeIfAbsent(outcome, key -> new LongAdder()).increment();
    }

    private void load(int port, boolean keepAlive, AtomicBoolean running) {
        Socket socket = null;
        while (running.get()) {
            try {
                if (socket == null) {
                    socket = new Socket();
                    socket.setSoTimeout(15_000);
                    socket.connect(new InetSocketAddress("127.0.0.1", port), 2_000);
                }
            } catch (ConnectException refused) {
                record("refused");
                close(socket);
                socket = null;
                pause();
                continue;
            } catch (IOException e) {
                record("connect failed: " + e.getClass().getSimpleName());
                close(socket);
                socket = null;
                continue;
            }
            boolean closeAfter;
            try {
                OutputStream out = socket.getOutputStream();
                out.write(("GET /users HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                String[] response = readResponse(new BufferedInputStream(socket.getInputStream()));
                record(response[0]);
                closeAfter = !keepAlive || "close".equalsIgnoreCase(response[1]);
            } catch (EOFException e) {
                record("closed without a response");
                closeAfter = true;
            } catch (SocketTimeoutException e) {
                record("no response in 15 s");
                closeAfter = true;
            } catch (IOException e) {
                record(String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains("reset") ? "reset"
                        : "failed: " + e.getMessage());
                closeAfter = true;
            }
            if (closeAfter) {
                close(socket);
                socket = null;
            }
        }
        close(socket);
    }

    /** Reads one response: {status, Connection header}; EOFException when the connection ends before it does. */
    private static String[] readResponse(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (head.length() < 4 || !head.substring(head.length() - 4).equals("\r\n\r\n")) {
            int c = in.read();
            if (c < 0) {
                throw new EOFException();
            }
            head.append((char) c);
        }
        String[] lines = head.toString().split("\r\n");
        int length = 0;
        boolean chunked = false;
        String connection = null;
        for (String line : lines) {
            String lower = line.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Integer.parseInt(line.substring("content-length:".length()).trim());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            } else if (lower.startsWith("connection:")) {
                connection = line.substring("connection:".length()).trim();
            }
        }
        if (chunked) {
            while (true) {
                int size = Integer.parseInt(readLine(in).trim(), 16);
                skip(in, size + 2);
                if (size == 0) {
                    break;
                }
            }
        } else {
            skip(in, length);
        }
        return new String[] { lines[0].split(" ")[1], connection };
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new EOFException();
            }
            line.append((char) c);
        }
        return line.toString();
    }

    private static void skip(InputStream in, int bytes) throws IOException {
        for (int i = 0; i < bytes; i++) {
            if (in.read() < 0) {
                throw new EOFException();
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(5);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void close(Socket socket) {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // the outcome was recorded already
            }
        }
    }
}
