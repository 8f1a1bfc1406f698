package io.quarkiverse.sqlspec;

import io.quarkiverse.sqlspec.runtime.sql.NamedSqlRegistry;
import io.quarkus.arc.Arc;

/**
 * Named SQL statements, read at build time from {@code src/main/resources/sql/**}{@code /*.sql}, like SQLSpec's loader:
 *
 * <pre>
 * -- name: users.by_email
 * SELECT id, name, email FROM users WHERE email = :email
 * </pre>
 *
 * used as {@code db.selectOne(User.class, Sql.named("users.by_email"), Map.of("email", email))}. Duplicate names and
 * unterminated quotes or comments fail the build, naming the file and line.
 */
public final class Sql {

    private Sql() {
    }

    /**
     * The SQL text of a named statement.
     *
     * @throws IllegalArgumentException if no statement has that name (the message lists close names)
     */
    public static String named(String name) {
        return Arc.container().instance(NamedSqlRegistry.class).get().sql(name);
    }
}
