package io.quarkiverse.sqlspec.test.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.sqlspec.SqlSpec;
import io.quarkiverse.sqlspec.exception.MappingException;
import io.quarkiverse.sqlspec.exception.NoResultException;
import io.quarkiverse.sqlspec.exception.TooManyRowsException;
import io.quarkus.test.QuarkusUnitTest;
import io.vertx.core.json.JsonObject;

/**
 * Every supported Java type, written through parameters and read back through records, classes, maps and scalars,
 * against a real PostgreSQL.
 */
class TypeMappingTest {

    enum Colour {
        RED,
        GREEN
    }

    record Everything(long id, int small, Long big, short tiny, double ratio, float approx, BigDecimal amount,
            BigInteger huge, boolean flag, Boolean maybe, String label, UUID uid, LocalDate day, LocalTime clock,
            LocalDateTime local, OffsetDateTime stamped, Instant instant, byte[] bytes, Colour colour,
            List<String> tags, int[] scores, List<UUID> refs, String doc, Map<String, Object> docMap,
            JsonObject docJson) {
    }

    public static class EverythingBean {
        private long id;
        private String label;
        public OffsetDateTime stamped;
        private Colour colour;

        public void setId(long id) {
            this.id = id;
        }

        public void setLabel(String label) {
            this.label = label;
        }

        public void setColour(Colour colour) {
            this.colour = colour;
        }
    }

    record Missing(long id, String notThere) {
    }

    record Primitive(long id, int small) {
    }

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .overrideConfigKey("quarkus.datasource.db-kind", "postgresql");

    @Inject
    SqlSpec sqlspec;

    static final UUID UID = UUID.fromString("0b8e7f0e-4d1f-4c59-9d0a-1c6b2d7e9f10");
    static final OffsetDateTime STAMP = OffsetDateTime.of(2026, 11, 24, 10, 30, 15, 123456000, ZoneOffset.ofHours(2));

    @BeforeEach
    void fill() {
        sqlspec.inTransaction(SqlSpec.DEFAULT_DATASOURCE, db -> {
            db.executeScript("""
                    DROP TABLE IF EXISTS everything;
                    CREATE TABLE everything (
                        id bigint PRIMARY KEY, small int, big bigint, tiny smallint, ratio float8, approx float4,
                        amount numeric(12,4), huge numeric, flag boolean, maybe boolean, label text, uid uuid, day date,
                        clock time, local timestamp, stamped timestamptz, instant timestamptz, bytes bytea,
                        colour text, tags text[], scores int[], refs uuid[], doc jsonb, doc_map jsonb, doc_json json);
                    """);
            db.execute("""
                    INSERT INTO everything VALUES (:id, :small, :big, :tiny, :ratio, :approx, :amount, :huge, :flag,
                        :maybe, :label, :uid, :day, :clock, :local, :stamped, :instant, :bytes, :colour, :tags, :scores,
                        :refs, :doc, :docMap, :docJson)""", sample());
            db.execute("INSERT INTO everything (id, small, tiny, ratio, approx, flag) VALUES (2, 0, 0, 0, 0, false)");
        });
    }

    private static Map<String, Object> sample() {
        Map<String, Object> values = new java.util.HashMap<>();
        values.put("id", 1L);
        values.put("small", 42);
        values.put("big", 9_000_000_000L);
        values.put("tiny", (short) 7);
        values.put("ratio", 0.25d);
        values.put("approx", 1.5f);
        values.put("amount", new BigDecimal("1234.5678"));
        values.put("huge", new BigInteger("123456789012345678901234567890"));
        values.put("flag", true);
        values.put("maybe", null);
        values.put("label", "snake_case ↔ camelCase");
        values.put("uid", UID);
        values.put("day", LocalDate.of(2026, 2, 28));
        values.put("clock", LocalTime.of(23, 59, 58));
        values.put("local", LocalDateTime.of(2026, 1, 2, 3, 4, 5));
        values.put("stamped", STAMP);
        values.put("instant", STAMP.toInstant());
        values.put("bytes", new byte[] { 0, 1, (byte) 255 });
        values.put("colour", Colour.GREEN);
        values.put("tags", List.of("a", "b,c", "d\"e"));
        values.put("scores", new int[] { 3, 1, 2 });
        values.put("refs", List.of(UID));
        values.put("doc", Map.of("k", "v"));
        values.put("docMap", Map.of("n", 1, "nested", Map.of("x", true)));
        values.put("docJson", new JsonObject().put("a", List.of(1, 2)));
        return values;
    }

    @Test
    void recordRoundTrip() {
        Everything row = sqlspec.transaction(db -> db.selectOne(Everything.class, "SELECT * FROM everything WHERE id = 1"));
        assertThat(row.small()).isEqualTo(42);
        assertThat(row.big()).isEqualTo(9_000_000_000L);
        assertThat(row.tiny()).isEqualTo((short) 7);
        assertThat(row.ratio()).isEqualTo(0.25d);
        assertThat(row.approx()).isEqualTo(1.5f);
        assertThat(row.amount()).isEqualByComparingTo("1234.5678");
        assertThat(row.huge()).isEqualTo(new BigInteger("123456789012345678901234567890"));
        assertThat(row.flag()).isTrue();
        assertThat(row.maybe()).isNull();
        assertThat(row.label()).isEqualTo("snake_case ↔ camelCase");
        assertThat(row.uid()).isEqualTo(UID);
        assertThat(row.day()).isEqualTo(LocalDate.of(2026, 2, 28));
        assertThat(row.clock()).isEqualTo(LocalTime.of(23, 59, 58));
        assertThat(row.local()).isEqualTo(LocalDateTime.of(2026, 1, 2, 3, 4, 5));
        assertThat(row.stamped().toInstant()).isEqualTo(STAMP.toInstant());
        assertThat(row.instant()).isEqualTo(STAMP.toInstant().truncatedTo(ChronoUnit.MICROS));
        assertThat(row.bytes()).containsExactly(0, 1, 255);
        assertThat(row.colour()).isEqualTo(Colour.GREEN);
        assertThat(row.tags()).containsExactly("a", "b,c", "d\"e");
        assertThat(row.scores()).containsExactly(3, 1, 2);
        assertThat(row.refs()).containsExactly(UID);
        assertThat(new JsonObject(row.doc())).isEqualTo(new JsonObject().put("k", "v"));
        assertThat(row.docMap()).containsEntry("n", 1).containsKey("nested");
        assertThat(row.docJson().getJsonArray("a").getList()).containsExactly(1, 2);
    }

    @Test
    void plainClassesMapBySetterOrField() {
        EverythingBean bean = sqlspec.transaction(
                db -> db.selectOne(EverythingBean.class, "SELECT id, label, stamped, colour, small FROM everything WHERE id = 1"));
        assertThat(bean.id).isEqualTo(1L);
        assertThat(bean.label).startsWith("snake_case");
        assertThat(bean.stamped.toInstant()).isEqualTo(STAMP.toInstant());
        assertThat(bean.colour).isEqualTo(Colour.GREEN);
    }

    @Test
    void mapRowsUseNaturalJavaTypesInColumnOrder() {
        Map<String, Object> row = sqlspec.transaction(
                db -> db.selectOne("SELECT id, small, amount, uid, day, local, stamped, tags, doc FROM everything WHERE id = 1"));
        assertThat(row.keySet()).containsExactly("id", "small", "amount", "uid", "day", "local", "stamped", "tags",
                "doc");
        assertThat(row.get("id")).isEqualTo(1L);
        assertThat(row.get("small")).isEqualTo(42);
        assertThat(row.get("amount")).isInstanceOf(BigDecimal.class);
        assertThat(row.get("uid")).isEqualTo(UID);
        assertThat(row.get("day")).isEqualTo(LocalDate.of(2026, 2, 28));
        assertThat(row.get("local")).isEqualTo(LocalDateTime.of(2026, 1, 2, 3, 4, 5));
        assertThat(row.get("stamped")).isInstanceOf(OffsetDateTime.class);
        assertThat(row.get("tags")).isEqualTo(List.of("a", "b,c", "d\"e"));
        assertThat(row.get("doc")).isEqualTo("{\"k\": \"v\"}");
    }

    @Test
    void scalarsAndNulls() {
        sqlspec.inTransaction(SqlSpec.DEFAULT_DATASOURCE, db -> {
            assertThat(db.selectValue(Long.class, "SELECT count(*) FROM everything")).isEqualTo(2L);
            assertThat(db.selectValue(UUID.class, "SELECT uid FROM everything WHERE id = $1", 1L)).isEqualTo(UID);
            assertThat(db.selectValueOrNull(String.class, "SELECT label FROM everything WHERE id = 2")).isNull();
            assertThat(db.selectValueOrNull(String.class, "SELECT label FROM everything WHERE id = -1")).isNull();
            assertThat(db.selectValue(Colour.class, "SELECT 'red'")).isEqualTo(Colour.RED);
            assertThat(db.select("SELECT id FROM everything ORDER BY id").all(Long.class)).containsExactly(1L, 2L);
            assertThat(db.selectOneOrNull("SELECT * FROM everything WHERE id = -1")).isNull();
            Object nothing = db.execute("SELECT $1::text IS NULL", (Object) null).scalar();
            assertThat(nothing).isEqualTo(true);
        });
    }

    record Pair(long id, String label) {
    }

    @Test
    void aTypeReadByQueriesWithDifferentColumnsMapsEachCorrectly() {
        sqlspec.inTransaction(SqlSpec.DEFAULT_DATASOURCE, db -> {
            for (int i = 0; i < 3; i++) {
                Pair first = db.selectOne(Pair.class, "SELECT id, label FROM everything WHERE id = 1");
                Pair swapped = db.selectOne(Pair.class, "SELECT label, id FROM everything WHERE id = 1");
                Pair computed = db.selectOne(Pair.class, "SELECT 7 AS id, 'seven' AS label");
                assertThat(first).isEqualTo(swapped).isEqualTo(new Pair(1, "snake_case ↔ camelCase"));
                assertThat(computed).isEqualTo(new Pair(7, "seven"));
            }
        });
    }

    record Labelled(long id, String label) {
    }

    record Loose(long id, Object value) {
    }

    record Listed(long id, List<String> value) {
    }

    @Test
    void aTypeReadWithTheSameLabelsButOtherColumnTypesMapsEachCorrectly() {
        sqlspec.inTransaction(SqlSpec.DEFAULT_DATASOURCE, db -> {
            for (int i = 0; i < 3; i++) {
                assertThat(db.selectOne(Labelled.class, "SELECT 1 AS id, 'one' AS label")).isEqualTo(new Labelled(1, "one"));
                assertThat(db.selectOne(Labelled.class, "SELECT 2::int2 AS id, 2.5 AS label"))
                        .isEqualTo(new Labelled(2, "2.5"));
                // Object and List components read by the column's type, so their binding follows the types too
                assertThat(db.selectOne(Loose.class, "SELECT 1 AS id, DATE '2024-01-02' AS value").value())
                        .isEqualTo(LocalDate.of(2024, 1, 2));
                assertThat(db.selectOne(Loose.class, "SELECT 1 AS id, 'one' AS value").value()).isEqualTo("one");
                assertThat(db.selectOne(Listed.class, "SELECT 1 AS id, ARRAY['a', 'b'] AS value").value())
                        .containsExactly("a", "b");
                assertThat(db.selectOne(Listed.class, "SELECT 1 AS id, '[\"c\"]'::json AS value").value())
                        .containsExactly("c");
                assertThat(db.selectValue(Long.class, "SELECT 5::int2")).isEqualTo(5L);
                assertThat(db.selectValue(Long.class, "SELECT 6::int8")).isEqualTo(6L);
                assertThat(db.selectValue(Object.class, "SELECT 'text'")).isEqualTo("text");
                assertThat(db.selectValue(Object.class, "SELECT 8::int8")).isEqualTo(8L);
            }
        });
    }

    @Test
    void mappingErrorsNameWhatDoesNotFit() {
        sqlspec.inTransaction(SqlSpec.DEFAULT_DATASOURCE, db -> {
            assertThatThrownBy(() -> db.selectOne(Missing.class, "SELECT id FROM everything WHERE id = 1"))
                    .isInstanceOf(MappingException.class).hasMessageContaining("notThere")
                    .hasMessageContaining("not_there");
            assertThatThrownBy(() -> db.selectOne(Primitive.class, "SELECT id, NULL::int AS small FROM everything WHERE id = 1"))
                    .isInstanceOf(MappingException.class).hasMessageContaining("'small' (int4) is NULL")
                    .hasMessageContaining("Integer");
            assertThatThrownBy(() -> db.selectValue(BigInteger.class, "SELECT 1.5 AS amount"))
                    .isInstanceOf(MappingException.class).hasMessageContaining("'amount' (numeric)")
                    .hasMessageContaining("BigInteger");
            assertThatThrownBy(() -> db.selectOne("SELECT * FROM everything"))
                    .isInstanceOf(TooManyRowsException.class).hasMessageContaining("returned 2 rows");
            assertThatThrownBy(() -> db.selectOne("SELECT * FROM everything WHERE id = -1"))
                    .isInstanceOf(NoResultException.class);
        });
    }
}
