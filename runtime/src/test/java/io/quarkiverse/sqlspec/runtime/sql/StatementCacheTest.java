package io.quarkiverse.sqlspec.runtime.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

class StatementCacheTest {

    @Test
    void secondLookupIsAHit() {
        StatementCache cache = new StatementCache(10);
        ParsedSql first = cache.get("SELECT $1");
        ParsedSql second = cache.get("SELECT $1");
        assertSame(first, second);
        assertEquals(1, cache.hits());
        assertEquals(1, cache.misses());
        assertEquals(1, cache.size());
    }

    @Test
    void recentlyUsedEntriesSurviveEviction() {
        StatementCache cache = new StatementCache(2);
        ParsedSql hot = cache.get("SELECT 'hot'");
        cache.get("SELECT 'cold'");
        cache.get("SELECT 'hot'");
        cache.get("SELECT 'new'");
        assertEquals(2, cache.size());
        assertEquals(1, cache.evictions());
        assertSame(hot, cache.get("SELECT 'hot'"));
    }

    @Test
    void zeroCapacityDisablesCaching() {
        StatementCache cache = new StatementCache(0);
        cache.get("SELECT 1");
        cache.get("SELECT 1");
        assertEquals(0, cache.size());
        assertEquals(2, cache.misses());
        assertEquals(0, cache.hits());
    }

    @Test
    void staysBoundedUnderConcurrentUse() throws Exception {
        StatementCache cache = new StatementCache(100);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < 10_000; i++) {
                        cache.get("SELECT " + thread + ", " + i + ", $1");
                        assertTrue(cache.size() <= 100 + 8, "size " + cache.size());
                    }
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertTrue(cache.size() <= 100 + 8, "size " + cache.size());
        assertEquals(80_000, cache.hits() + cache.misses());
        assertTrue(cache.evictions() > 0);
    }
}
