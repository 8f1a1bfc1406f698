package io.quarkiverse.sqlspec.runtime.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkiverse.sqlspec.exception.DatabaseException;

/**
 * DuckDB's messages, as its JDBC driver 2.0.0.1 reports them (no SQLSTATE), end in the SQLSTATE and exception
 * PostgreSQL's would, without the values they quote.
 */
class DuckDbErrorsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Constraint Error: Duplicate key "id: 1" violates primary key constraint.                    | 23505 | UniqueViolationException
            Constraint Error: Duplicate key "v: a" violates unique constraint.                          | 23505 | UniqueViolationException
            Constraint Error: PRIMARY KEY or UNIQUE constraint violation: duplicate key "3"             | 23505 | UniqueViolationException
            Constraint Error: NOT NULL constraint failed: u.v                                           | 23502 | NotNullViolationException
            Constraint Error: CHECK constraint failed on table "u" with expression CHECK((n > 0))       | 23514 | CheckViolationException
            Constraint Error: Violates foreign key constraint because key "id: 99" does not exist in the referenced table | 23503 | ForeignKeyViolationException
            Conversion Error: Could not convert string 'abc' to INT32                                   | 22018 | DataException
            Out of Range Error: Overflow in addition of INT32 (2147483647 + 1)!                         | 22003 | DataException
            TransactionContext Error: Conflict on update!                                               | 40001 | SerializationFailureException
            TransactionContext Error: Failed to commit: PRIMARY KEY or UNIQUE constraint violation: duplicate key "3" | 23505 | UniqueViolationException
            Parser Error: syntax error at or near "SELEC"                                               | 42601 | BadSqlException
            Catalog Error: Table with name nope does not exist!                                         | 42P01 | BadSqlException
            Binder Error: Referenced column "nope" not found in FROM clause!                            | 42703 | BadSqlException
            """)
    void aDuckDbMessageGivesTheSqlStateAndExceptionOfPostgreSql(String message, String state, String exception) {
        DatabaseException translated = new SqlExceptions(false).translate(new SQLException(message), "SELECT 1");
        assertThat(translated.sqlState()).isEqualTo(state);
        assertThat(translated.getClass().getSimpleName()).isEqualTo(exception);
        if (state.startsWith("22") || state.startsWith("23")) {
            assertThat(translated.getMessage()).doesNotContain("id: 1", "v: a", "'abc'", "id: 99", "\"3\"");
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Constraint Error: Duplicate key "id: 1" violates primary key constraint. | id: 1
            Conversion Error: Could not convert string 'abc' to INT32                | 'abc'
            """)
    void theValuesStayWhenDetailsAreAskedFor(String message, String value) {
        assertThat(new SqlExceptions(true).translate(new SQLException(message), null).getMessage()).contains(value);
    }
}
