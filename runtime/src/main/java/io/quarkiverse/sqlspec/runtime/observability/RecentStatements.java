package io.quarkiverse.sqlspec.runtime.observability;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

import io.quarkiverse.sqlspec.StatementEvent;

/**
 * A fixed-size ring of the most recent statements, for the Dev UI. Writers never block each other.
 */
public final class RecentStatements {

    /** A statement and when it ended. */
    public record Recent(Instant at, StatementEvent statement) {
    }

    private final AtomicReferenceArray<Recent> ring;
    private final AtomicLong written = new AtomicLong();

    RecentStatements(int capacity) {
        this.ring = new AtomicReferenceArray<>(capacity);
    }

    void add(StatementEvent statement) {
        long slot = written.getAndIncrement();
        ring.set((int) (slot % ring.length()), new Recent(Instant.now(), statement));
    }

    /** How many statements were recorded since the start (not only those kept). */
    public long total() {
        return written.get();
    }

    /** The kept statements, newest first. */
    public List<Recent> snapshot() {
        long end = written.get();
        int count = (int) Math.min(end, ring.length());
        List<Recent> statements = new ArrayList<>(count);
        for (long i = end - 1; i >= end - count; i--) {
            Recent statement = ring.get((int) (i % ring.length()));
            if (statement != null) {
                statements.add(statement);
            }
        }
        return statements;
    }
}
