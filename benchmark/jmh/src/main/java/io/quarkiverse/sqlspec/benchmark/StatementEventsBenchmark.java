package io.quarkiverse.sqlspec.benchmark;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import io.quarkiverse.sqlspec.runtime.observability.StatementEvents;

/**
 * The per-statement cost of statement events when nothing listens (DEBUG off, no observer, no ring, no metrics): the
 * figure the observability docs promise to be near zero. {@code baseline} is the two clock reads alone.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class StatementEventsBenchmark {

    static final String SQL = "SELECT id, name, email FROM users WHERE id = $1";
    static final Object[] PARAMETERS = { 42L };

    StatementEvents events;
    java.util.logging.Logger category;

    @Setup
    public void setUp() {
        // Quarkus's default level; without a logging configuration the JVM would leave DEBUG on
        category = java.util.logging.Logger.getLogger("io.quarkiverse.sqlspec.statements");
        category.setLevel(java.util.logging.Level.INFO);
        events = new StatementEvents(Duration.ofSeconds(1), false, 0, false, null);
    }

    @Benchmark
    public long baseline() {
        long started = System.nanoTime();
        return System.nanoTime() - started;
    }

    @Benchmark
    public long recordWithNoListener() {
        long started = System.nanoTime();
        events.record("<default>", SQL, PARAMETERS, started, 1, null);
        return started;
    }
}
