package io.quarkiverse.sqlspec.test.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.sqlspec.SqlSpec;
import io.quarkiverse.sqlspec.exception.SqlSpecException;
import io.quarkiverse.sqlspec.exception.UniqueViolationException;
import io.quarkus.test.QuarkusUnitTest;

class BatchAndSavepointTest {

    record Item(String code, int quantity) {
    }

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .overrideConfigKey("quarkus.datasource.db-kind", "postgresql");

    @Inject
    SqlSpec sqlspec;

    @Test
    void executeManyBindsEveryShapeOfBatch() {
        long rows = sqlspec.transaction(db -> {
            db.executeScript("DROP TABLE IF EXISTS items; CREATE TABLE items (code text PRIMARY KEY, quantity int)");
            long positional = db.executeMany("INSERT INTO items VALUES ($1, $2)",
                    List.of(new Object[] { "a", 1 }, new Object[] { "b", 2 }));
            long named = db.executeMany("INSERT INTO items VALUES (:code, :quantity)",
                    List.of(Map.of("code", "c", "quantity", 3), new Item("d", 4)));
            long single = db.executeMany("UPDATE items SET quantity = quantity * 10 WHERE code = ?", List.of("a", "b"));
            return positional + named + single;
        });
        assertThat(rows).isEqualTo(6);
        Long total = sqlspec.transaction(db -> db.selectValue(Long.class, "SELECT sum(quantity) FROM items"));
        assertThat(total).isEqualTo(10 + 20 + 3 + 4);
    }

    @Test
    void savepointsUndoNestedWorkOnly() {
        sqlspec.inTransaction(SqlSpec.DEFAULT_DATASOURCE, db -> {
            db.executeScript("DROP TABLE IF EXISTS lines; CREATE TABLE lines (n int PRIMARY KEY)");
            db.execute("INSERT INTO lines VALUES (1)");
            db.savepoint("second");
            assertThatThrownBy(() -> db.execute("INSERT INTO lines VALUES (1)"))
                    .isInstanceOf(UniqueViolationException.class);
            db.rollbackTo("second");
            db.execute("INSERT INTO lines VALUES (2)");
            db.release("second");
            assertThatThrownBy(() -> db.rollbackTo("second")).isInstanceOf(SqlSpecException.class)
                    .hasMessageContaining("no savepoint of that name");
        });
        List<Integer> kept = sqlspec.transaction(db -> db.select("SELECT n FROM lines ORDER BY n").all(Integer.class));
        assertThat(kept).containsExactly(1, 2);
    }

    @Test
    void workThatThrowsIsRolledBack() {
        sqlspec.inTransaction(SqlSpec.DEFAULT_DATASOURCE,
                db -> db.executeScript("DROP TABLE IF EXISTS audit; CREATE TABLE audit (n int)"));
        assertThatThrownBy(() -> sqlspec.inTransaction(SqlSpec.DEFAULT_DATASOURCE, db -> {
            db.execute("INSERT INTO audit VALUES (1)");
            throw new IllegalStateException("changed my mind");
        })).hasMessage("changed my mind");
        Long count = sqlspec.transaction(db -> db.selectValue(Long.class, "SELECT count(*) FROM audit"));
        assertThat(count).isZero();
    }
}
