package io.quarkiverse.sqlspec.runtime.sql;

import java.util.Locale;

import io.quarkiverse.sqlspec.exception.SqlParameterException;

/**
 * The kind of database a datasource talks to, as far as SQLSpec's behaviour depends on it: which SQL text it accepts,
 * and which features (HTTP sessions, migrations) it can serve. Decided at build time from
 * {@code quarkus.datasource."name".db-kind}.
 */
public enum SqlDialect {

    POSTGRESQL("PostgreSQL"),
    /** DuckDB, through its JDBC driver: {@code db-kind=duckdb}. */
    DUCKDB("DuckDB"),
    /** Any other database Agroal pools: statements work, PostgreSQL-only features do not. */
    OTHER("this kind of database");

    /** The database kind SQLSpec registers for DuckDB's JDBC driver. */
    public static final String DUCKDB_KIND = "duckdb";
    public static final String DUCKDB_DRIVER = "org.duckdb.DuckDBDriver";

    private final String displayName;

    SqlDialect(String displayName) {
        this.displayName = displayName;
    }

    /**
     * @param dbKind the datasource's database kind, as Quarkus normalized it
     * @param driver the JDBC driver class Agroal resolved for it ({@code db-kind=other} with DuckDB's driver is DuckDB)
     */
    public static SqlDialect of(String dbKind, String driver) {
        String kind = dbKind == null ? "" : dbKind.toLowerCase(Locale.ROOT);
        if (kind.equals("postgresql") || kind.equals("pgsql") || kind.equals("pg")) {
            return POSTGRESQL;
        }
        if (kind.equals(DUCKDB_KIND) || DUCKDB_DRIVER.equals(driver)) {
            return DUCKDB;
        }
        return OTHER;
    }

    public String displayName() {
        return displayName;
    }

    /** Whether migrations can run on it: they need a lock that every instance migrating the database sees. */
    public boolean supportsMigrations() {
        return this != OTHER;
    }

    /**
     * Whether a statement that failed with {@code sqlState} leaves the transaction aborted: any error on PostgreSQL,
     * any but a syntax error on DuckDB. Other databases are assumed to let the transaction go on.
     */
    public boolean abortsTransactionOn(String sqlState) {
        return this == POSTGRESQL || (this == DUCKDB && !"42601".equals(sqlState));
    }

    /**
     * Rejects what the statement asks of the driver that only PostgreSQL's driver does: {@code ??} is pgjdbc's escape
     * for a literal {@code ?} (jsonb's {@code ?|} operators), which other drivers would read as two placeholders.
     */
    public void check(ParsedSql parsed) {
        if (parsed.escapedQuestionMark() && this != POSTGRESQL) {
            throw new SqlParameterException("'??' is PostgreSQL's JDBC escape for a literal '?' (jsonb operators such as"
                    + " ?| ); " + displayName + " has no '?' operator and its driver does not read '??': remove it"
                    + " or use a function instead (DuckDB: json_exists): " + SqlParser.excerpt(parsed.sql()));
        }
    }
}
