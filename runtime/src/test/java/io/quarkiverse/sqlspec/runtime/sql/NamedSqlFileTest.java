package io.quarkiverse.sqlspec.runtime.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class NamedSqlFileTest {

    @Test
    void readsNamedBlocks() {
        List<NamedSqlFile.Statement> statements = NamedSqlFile.parse("sql/users.sql", """
                -- users of the demo
                -- name: users.by_email
                SELECT id, name FROM users
                 WHERE email = :email;

                -- name: users.count
                SELECT count(*) FROM users
                """);
        assertEquals(2, statements.size());
        assertEquals("users.by_email", statements.get(0).name());
        assertEquals("SELECT id, name FROM users\n WHERE email = :email", statements.get(0).sql());
        assertEquals(2, statements.get(0).line());
        assertEquals("SELECT count(*) FROM users", statements.get(1).sql());
    }

    @Test
    void duplicateNamesAcrossFilesFailWithBothPlaces() {
        Map<String, List<NamedSqlFile.Statement>> files = Map.of(
                "sql/a.sql", NamedSqlFile.parse("sql/a.sql", "-- name: x\nSELECT 1"),
                "sql/b.sql", NamedSqlFile.parse("sql/b.sql", "\n-- name: x\nSELECT 2"));
        NamedSqlFile.InvalidSqlFileException e = assertThrows(NamedSqlFile.InvalidSqlFileException.class,
                () -> NamedSqlFile.merge(new java.util.TreeMap<>(files)));
        assertTrue(e.getMessage().contains("sql/a.sql:1") && e.getMessage().contains("sql/b.sql:2"), e.getMessage());
    }

    @Test
    void unbalancedQuoteFailsWithFileAndLine() {
        NamedSqlFile.InvalidSqlFileException e = assertThrows(NamedSqlFile.InvalidSqlFileException.class,
                () -> NamedSqlFile.parse("sql/bad.sql", "-- name: ok\nSELECT 1;\n-- name: broken\nSELECT 'oops"));
        assertTrue(e.getMessage().startsWith("sql/bad.sql:3: statement 'broken'"), e.getMessage());
    }

    @Test
    void sqlBeforeTheFirstNameFails() {
        assertThrows(NamedSqlFile.InvalidSqlFileException.class, () -> NamedSqlFile.parse("sql/x.sql", "SELECT 1"));
    }
}
