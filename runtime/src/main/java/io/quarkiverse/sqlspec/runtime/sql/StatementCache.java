package io.quarkiverse.sqlspec.runtime.sql;

import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The parsed form of each SQL text, bounded, with hit/miss/eviction counters.
 * <p>
 * Eviction is CLOCK (second chance): a hit only sets a flag on its entry, so lookups stay lock-free and allocation-free
 * (a {@link ConcurrentHashMap} read plus a plain write); a miss that finds the cache full sweeps entries, clearing
 * flags, and evicts the first one not used since the previous sweep. That approximates LRU at a fraction of the cost
 * of an access-ordered map, which would need a lock on every hit. Applications run a fixed set of statements, so
 * evictions should stay at zero; a growing count means SQL is being built with concatenated values.
 */
public final class StatementCache {

    private static final class Entry {
        final ParsedSql parsed;
        volatile boolean recentlyUsed;

        Entry(ParsedSql parsed) {
            this.parsed = parsed;
        }
    }

    private final int capacity;
    private final ConcurrentHashMap<String, Entry> entries;
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();
    private final LongAdder evictions = new LongAdder();
    private Iterator<Map.Entry<String, Entry>> hand;

    public StatementCache(int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("capacity must be 0 (disabled) or positive, not " + capacity);
        }
        this.capacity = capacity;
        this.entries = new ConcurrentHashMap<>(Math.max(16, capacity * 4 / 3 + 1));
    }

    public ParsedSql get(String sql) {
        Entry entry = entries.get(sql);
        if (entry != null) {
            hits.increment();
            if (!entry.recentlyUsed) {
                entry.recentlyUsed = true;
            }
            return entry.parsed;
        }
        misses.increment();
        ParsedSql parsed = SqlParser.parse(sql);
        if (capacity > 0) {
            add(sql, parsed);
        }
        return parsed;
    }

    private void add(String sql, ParsedSql parsed) {
        if (entries.size() >= capacity) {
            evictOne();
        }
        entries.putIfAbsent(sql, new Entry(parsed));
    }

    private synchronized void evictOne() {
        // two sweeps at most: the first clears flags, the second must then find a victim
        for (int step = 0, limit = entries.size() * 2 + 1; step < limit && entries.size() >= capacity; step++) {
            if (hand == null || !hand.hasNext()) {
                hand = entries.entrySet().iterator();
                if (!hand.hasNext()) {
                    return;
                }
            }
            Map.Entry<String, Entry> candidate = hand.next();
            if (candidate.getValue().recentlyUsed) {
                candidate.getValue().recentlyUsed = false;
            } else if (entries.remove(candidate.getKey(), candidate.getValue())) {
                evictions.increment();
            }
        }
    }

    public long hits() {
        return hits.sum();
    }

    public long misses() {
        return misses.sum();
    }

    public long evictions() {
        return evictions.sum();
    }

    public int size() {
        return entries.size();
    }

    public int capacity() {
        return capacity;
    }

    public void clear() {
        entries.clear();
    }
}
