package io.quarkiverse.sqlspec.deployment.devservices;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Measures how long Dev Services take to give a datasource its database on the embedded PostgreSQL (server start and
 * database creation): with initdb on every start (before the cluster cache), cold (the cache made first), warm (the
 * spare copy of the cache made in the background after the previous start) and warm without a spare (copied then). Run by {@code benchmark/devservices-start.sh}; not a test.
 */
public final class DevServicesStartTimes {

    public static void main(String[] args) {
        int starts = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        EmbeddedDatabaseSpec spec = new EmbeddedDatabaseSpec("<default>", "quarkus", "quarkus", "quarkus",
                OptionalInt.empty(), Map.of(), List.of(), List.of(), Duration.ofSeconds(60));
        List<Long> initdb = new ArrayList<>();
        List<Long> cold = new ArrayList<>();
        List<Long> warm = new ArrayList<>();
        List<Long> warmCopy = new ArrayList<>();
        timeOnce(spec); // unpacks the binaries, warms the JVM: not counted
        for (int i = 0; i < starts; i++) {
            System.setProperty(EmbeddedPostgresServer.NO_CACHE, "true");
            initdb.add(timeOnce(spec));
            System.clearProperty(EmbeddedPostgresServer.NO_CACHE);
            EmbeddedPostgresServer.TEMPLATE.discard();
            cold.add(timeOnce(spec));
            // a developer's next start comes seconds later: the spare copy made in the background is ready by then
            EmbeddedPostgresServer.TEMPLATE.awaitSpare();
            warm.add(timeOnce(spec));
            EmbeddedPostgresServer.TEMPLATE.discardSpare();
            warmCopy.add(timeOnce(spec));
            EmbeddedPostgresServer.TEMPLATE.awaitSpare();
        }
        report("initdb on every start (before)", initdb);
        report("cold (cluster cache made first)", cold);
        report("warm (the spare copy, renamed)", warm);
        report("warm, no spare (copied at start)", warmCopy);
    }

    private static long timeOnce(EmbeddedDatabaseSpec spec) {
        long started = System.nanoTime();
        EmbeddedPostgresServer server = EmbeddedPostgresServer.acquire(spec);
        long millis = (System.nanoTime() - started) / 1_000_000;
        server.release(spec);
        return millis;
    }

    private static void report(String what, List<Long> millis) {
        List<Long> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        long median = sorted.size() % 2 == 1 ? sorted.get(sorted.size() / 2)
                : (sorted.get(sorted.size() / 2 - 1) + sorted.get(sorted.size() / 2)) / 2;
        System.out.printf("devservices start, %-34s median %5d ms, range %d-%d ms over %d starts %s%n", what, median,
                sorted.get(0), sorted.get(sorted.size() - 1), sorted.size(), millis);
    }
}
