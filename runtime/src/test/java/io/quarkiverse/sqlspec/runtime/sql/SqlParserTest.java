package io.quarkiverse.sqlspec.runtime.sql;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkiverse.sqlspec.exception.SqlParameterException;

class SqlParserTest {

    record Person(String name, int age) {
    }

    @Test
    void questionMarksPassThrough() {
        ParsedSql parsed = SqlParser.parse("SELECT * FROM t WHERE a = ? AND b = ?");
        assertEquals("SELECT * FROM t WHERE a = ? AND b = ?", parsed.jdbcSql());
        assertEquals(ParameterStyle.QMARK, parsed.style());
        assertArrayEquals(new Object[] { 1, "x" }, parsed.bind(new Object[] { 1, "x" }));
    }

    @Test
    void numberedParametersMayRepeatAndComeInAnyOrder() {
        ParsedSql parsed = SqlParser.parse("SELECT $2, $1, $2");
        assertEquals("SELECT ?, ?, ?", parsed.jdbcSql());
        assertArrayEquals(new Object[] { "b", "a", "b" }, parsed.bind(new Object[] { "a", "b" }));
    }

    @Test
    void namedParametersMayRepeatAndTakeValuesFromAMap() {
        ParsedSql parsed = SqlParser.parse("UPDATE t SET a = :a WHERE b = :b OR a = :a");
        assertEquals("UPDATE t SET a = ? WHERE b = ? OR a = ?", parsed.jdbcSql());
        assertEquals(List.of("a", "b"), parsed.names());
        assertArrayEquals(new Object[] { 1, 2, 1 }, parsed.bind(new Object[] { Map.of("a", 1, "b", 2) }));
    }

    @Test
    void theReactiveClientsTextNumbersTheSlotsInBindingOrder() {
        // the n-th slot's value is the n-th value bind() returns, whatever the caller's placeholder style
        assertEquals("SELECT $1, $2, $3", SqlParser.parse("SELECT $2, $1, $2").postgresSql());
        assertEquals("UPDATE t SET a = $1 WHERE b = $2 OR a = $3",
                SqlParser.parse("UPDATE t SET a = :a WHERE b = :b OR a = :a").postgresSql());
        assertEquals("SELECT 'it''s ? $1 :x', $1 -- ? :y\n, b::text, $2",
                SqlParser.parse("SELECT 'it''s ? $1 :x', ? -- ? :y\n, b::text, ?").postgresSql());
        // pgjdbc's ?? escape is PostgreSQL's own ? operator
        assertEquals("SELECT j ? 'k', j ?| $1", SqlParser.parse("SELECT j ?? 'k', j ??| ?").postgresSql());
        assertEquals("SELECT 1", SqlParser.parse("SELECT 1").postgresSql());
    }

    @Test
    void slotsCastToJsonAreKnown() {
        assertArrayEquals(new boolean[] { true, false, true, false },
                SqlParser.parse("SELECT ?::jsonb, ?::jsonbx, ?::JSON, ?::text").jsonSlots());
        assertArrayEquals(new boolean[] { true, false },
                SqlParser.parse("UPDATE t SET d = :d::json WHERE id = :id").jsonSlots());
        assertNull(SqlParser.parse("SELECT ?::text, '?::jsonb'").jsonSlots());
    }

    @Test
    void namedParametersTakeValuesFromARecord() {
        ParsedSql parsed = SqlParser.parse("INSERT INTO p (name, age) VALUES (:name, :age)");
        assertArrayEquals(new Object[] { "Ada", 36 }, parsed.bind(new Object[] { new Person("Ada", 36) }));
    }

    @Test
    void nullsBindAsNull() {
        Map<String, Object> values = new HashMap<>();
        values.put("a", null);
        assertArrayEquals(new Object[] { null }, SqlParser.parse("SELECT :a").bind(new Object[] { values }));
        assertArrayEquals(new Object[] { null }, SqlParser.parse("SELECT $1").bind(new Object[] { null }));
    }

    @Test
    void quotedTextIsNeverAParameter() {
        ParsedSql parsed = SqlParser.parse("SELECT 'it''s ? $1 :x', $1");
        assertEquals("SELECT 'it''s ? $1 :x', ?", parsed.jdbcSql());
        assertEquals(ParameterStyle.NUMBERED, parsed.style());
    }

    @Test
    void escapeStringsWithBackslashQuotes() {
        ParsedSql parsed = SqlParser.parse("SELECT E'it\\'s :x ?', :y");
        assertEquals("SELECT E'it\\'s :x ?', ?", parsed.jdbcSql());
        assertEquals(List.of("y"), parsed.names());
    }

    @Test
    void doubleQuotedIdentifiersAreNotParameters() {
        ParsedSql parsed = SqlParser.parse("SELECT \"a?b\", \"c\"\":d\" FROM t WHERE id = :id");
        assertEquals("SELECT \"a?b\", \"c\"\":d\" FROM t WHERE id = ?", parsed.jdbcSql());
        assertEquals(List.of("id"), parsed.names());
    }

    @Test
    void commentsAreNotParameters() {
        ParsedSql parsed = SqlParser.parse("SELECT 1 -- what about ? and :x\n /* $1 /* nested :y */ ? */ + $1");
        assertEquals("SELECT 1 -- what about ? and :x\n /* $1 /* nested :y */ ? */ + ?", parsed.jdbcSql());
        assertEquals(ParameterStyle.NUMBERED, parsed.style());
    }

    @Test
    void dollarQuotedStringsAreNotParameters() {
        String body = "DO $$ BEGIN PERFORM :x, ?; END $$";
        assertEquals(ParameterStyle.NONE, SqlParser.parse(body).style());
        ParsedSql tagged = SqlParser.parse("SELECT $fn$ it's $1 :y $fn$, $1");
        assertEquals("SELECT $fn$ it's $1 :y $fn$, ?", tagged.jdbcSql());
    }

    @Test
    void castsAssignmentsAndSlicesAreNotParameters() {
        ParsedSql parsed = SqlParser.parse("SELECT :id::bigint, a::text, b[1:2], x := 1");
        assertEquals("SELECT ?::bigint, a::text, b[1:2], x := 1", parsed.jdbcSql());
        assertEquals(List.of("id"), parsed.names());
    }

    @Test
    void aColonThatContinuesTheExpressionBeforeItIsNotAParameter() {
        // slices with names (both dialects), DuckDB's struct literals and lambdas
        ParsedSql parsed = SqlParser.parse("SELECT b[lo:hi], {'key':value}, list_transform(l, lambda x:x + 1), (a):b,"
                + " :p, (:q), x=:r");
        assertEquals("SELECT b[lo:hi], {'key':value}, list_transform(l, lambda x:x + 1), (a):b, ?, (?), x=?",
                parsed.jdbcSql());
        assertEquals(List.of("p", "q", "r"), parsed.names());
    }

    @Test
    void duckDbsOwnNamedParametersAreRejectedWithTheWayToWriteThem() {
        SqlParameterException e = assertThrows(SqlParameterException.class,
                () -> SqlParser.parse("SELECT * FROM t WHERE id = $id"));
        assertTrue(e.getMessage().contains("write :id instead"), e.getMessage());
        assertEquals(ParameterStyle.NONE, SqlParser.parse("SELECT $tag$ $id $tag$").style());
    }

    @Test
    void eachDialectChecksWhatOnlyItsDriverReads() {
        ParsedSql escaped = SqlParser.parse("SELECT data ?? 'key' FROM t");
        SqlDialect.POSTGRESQL.check(escaped);
        SqlParameterException e = assertThrows(SqlParameterException.class, () -> SqlDialect.DUCKDB.check(escaped));
        assertTrue(e.getMessage().contains("DuckDB has no '?' operator"), e.getMessage());
        SqlDialect.DUCKDB.check(SqlParser.parse("SELECT ?, '??' FROM t"));
        assertEquals(SqlDialect.DUCKDB, SqlDialect.of("duckdb", null));
        assertEquals(SqlDialect.DUCKDB, SqlDialect.of("other", "org.duckdb.DuckDBDriver"));
        assertEquals(SqlDialect.POSTGRESQL, SqlDialect.of("postgresql", null));
        assertEquals(SqlDialect.OTHER, SqlDialect.of("h2", null));
    }

    @Test
    void doubleQuestionMarkIsPgjdbcsLiteralQuestionMark() {
        ParsedSql parsed = SqlParser.parse("SELECT data ?? 'key' FROM t WHERE id = $1");
        assertEquals("SELECT data ?? 'key' FROM t WHERE id = ?", parsed.jdbcSql());
        assertEquals(ParameterStyle.NUMBERED, parsed.style());
    }

    @Test
    void dollarInsideIdentifierIsNotAParameter() {
        assertEquals(ParameterStyle.NONE, SqlParser.parse("SELECT a$1 FROM t").style());
    }

    @Test
    void mixedStylesAreRejectedNamingBoth() {
        SqlParameterException e = assertThrows(SqlParameterException.class,
                () -> SqlParser.parse("SELECT * FROM t WHERE a = $1 AND b = :b"));
        assertTrue(e.getMessage().contains("'$n'") && e.getMessage().contains("':name'"), e.getMessage());
        assertThrows(SqlParameterException.class, () -> SqlParser.parse("SELECT ?, $1"));
    }

    @Test
    void numberedGapIsRejected() {
        SqlParameterException e = assertThrows(SqlParameterException.class, () -> SqlParser.parse("SELECT $1, $3"));
        assertTrue(e.getMessage().contains("$2"), e.getMessage());
    }

    @Test
    void wrongArgumentCountNamesBothCounts() {
        SqlParameterException e = assertThrows(SqlParameterException.class,
                () -> SqlParser.parse("SELECT $1, $2").bind(new Object[] { 1, 2, 3 }));
        assertTrue(e.getMessage().contains("expects 2 parameters but 3 were given"), e.getMessage());
    }

    @Test
    void missingNameIsNamedWithTheAvailableOnes() {
        SqlParameterException e = assertThrows(SqlParameterException.class,
                () -> SqlParser.parse("SELECT :email").bind(new Object[] { Map.of("mail", "x") }));
        assertTrue(e.getMessage().contains(":email") && e.getMessage().contains("[mail]"), e.getMessage());
        assertThrows(SqlParameterException.class, () -> SqlParser.parse("SELECT :email").bind(new Object[] { "x" }));
    }

    @Test
    void plainReadsAreRecognisedConservatively() {
        assertTrue(SqlParser.parse("SELECT id, name FROM users WHERE id = $1").readOnly());
        assertTrue(SqlParser.parse("select count(*), max(id) from users where name in (select 'a')").readOnly());
        assertTrue(SqlParser.parse("SELECT 'nextval(x) for update' AS text -- into\n").readOnly());
        assertTrue(SqlParser.parse("VALUES (1), (2)").readOnly());
        assertTrue(SqlParser.parse("SELECT lower (name), pg_catalog.count(*) FROM t WHERE foreign_key = 1").readOnly());
        assertTrue(SqlParser.parse("SELECT \"into_x\", format_x FROM t ORDER BY 1 FOR\tREADING").readOnly());
        // anything that could write, lock or create is a write
        for (String write : new String[] { "INSERT INTO t VALUES (1)", "UPDATE t SET a = 1", "DELETE FROM t",
                "SELECT nextval('seq')", "SELECT my_function(1)", "SELECT * FROM t FOR UPDATE",
                "SELECT * FROM t FOR NO KEY UPDATE", "SELECT * INTO copy FROM t", "WITH x AS (DELETE FROM t) SELECT 1",
                "SELECT 1; DELETE FROM t", "CREATE TABLE t (a int)", "SELECT \"my_function\"(1)",
                "SELECT * FROM t FOR\n  KEY\tSHARE", "SELECT * FROM t for share", "SELECT x.into FROM t",
                "SELECT app.audit (1)", "SELECT pg_catalog.setval('s', 1)" }) {
            assertTrue(!SqlParser.parse(write).readOnly(), write);
        }
    }

    @Test
    void unterminatedConstructsAreDetectedForNamedFiles() {
        assertNull(SqlParser.parse("SELECT 'a', \"b\", $$c$$ -- 'd").unterminatedConstruct());
        assertTrue(SqlParser.parse("SELECT 'a").unterminatedConstruct().contains("string literal"));
        assertTrue(SqlParser.parse("SELECT \"a").unterminatedConstruct().contains("quoted identifier"));
        assertTrue(SqlParser.parse("SELECT E'a\\'").unterminatedConstruct().contains("string literal"));
        assertTrue(SqlParser.parse("SELECT /* a /* b */").unterminatedConstruct().contains("comment"));
        assertTrue(SqlParser.parse("SELECT $x$ a").unterminatedConstruct().contains("dollar"));
        assertNull(SqlParser.parse("SELECT $1, a$b").unterminatedConstruct());
    }
}
