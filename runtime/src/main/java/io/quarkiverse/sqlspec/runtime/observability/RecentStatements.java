package io.quarkiverse.sqlspec.runtime.observability;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

import io.quarkiverse.sqlspec.StatementEvent;

/**
 * A fixed-size ring of the most recent statements (for the Dev UI). Writers never block each other.
 */
public final class RecentStatements {

    private final AtomicReferenceArray<StatementEvent> ring;
    private final AtomicLong written = new AtomicLong();

    RecentStatements(int capacity) {
        this.ring = new AtomicReferenceArray<>(capacity);
    }

    void add(StatementEvent statement) {
        long slot = written.getAndIncrement();
        ring.set((int) (slot % ring.length()), statement);
    }

    /** The kept statements, newest first. */
    public List<StatementEvent> snapshot() {
        long end = written.get();
        int count = (int) Math.min(end, ring.length());
        List<StatementEvent> statements = new ArrayList<>(count);
        for (long i = end - 1; i >= end - count; i--) {
            StatementEvent statement = ring.get((int) (i % ring.length()));
            if (statement != null) {
                statements.add(statement);
            }
        }
        return statements;
    }

    /** The kept statements of one request, oldest first. */
    public List<StatementEvent> forCorrelationId(String correlationId) {
        List<StatementEvent> statements = new ArrayList<>();
        for (StatementEvent statement : snapshot()) {
            if (correlationId.equals(statement.correlationId())) {
                statements.add(0, statement);
            }
        }
        return statements;
    }
}
