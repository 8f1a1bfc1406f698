package io.quarkiverse.sqlspec.benchmark;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import io.quarkiverse.sqlspec.runtime.sql.ParsedSql;
import io.quarkiverse.sqlspec.runtime.sql.SqlParser;
import io.quarkiverse.sqlspec.runtime.sql.StatementCache;

/**
 * The cost SQLSpec adds before a statement reaches the driver: converting placeholders (once per SQL text) and
 * finding the converted form again (every time).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class StatementCacheBenchmark {

    /** A typical 200-character statement with named parameters, a cast and a string literal. */
    static final String SQL = "SELECT u.id, u.name, u.email, u.created_at FROM users u JOIN posts p ON p.user_id = u.id "
            + "WHERE u.email = :email AND p.created_at > :since::timestamptz AND p.title <> 'draft' ORDER BY 1 LIMIT :n";

    StatementCache cache;
    String sql;

    @Setup
    public void setUp() {
        cache = new StatementCache(1024);
        // a different String instance with the same text, as each request would pass
        sql = new String(SQL.toCharArray());
        cache.get(SQL);
    }

    @Benchmark
    public ParsedSql cachedLookup() {
        return cache.get(sql);
    }

    @Benchmark
    public ParsedSql uncachedParse() {
        return SqlParser.parse(sql);
    }
}
