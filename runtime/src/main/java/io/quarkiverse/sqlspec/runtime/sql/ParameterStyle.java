package io.quarkiverse.sqlspec.runtime.sql;

/**
 * The placeholder style a statement uses; one per statement.
 */
public enum ParameterStyle {
    /** No placeholders. */
    NONE("no parameters"),
    /** JDBC's {@code ?}. */
    QMARK("'?'"),
    /** PostgreSQL's {@code $1}, {@code $2}; a number may repeat. */
    NUMBERED("'$n'"),
    /** {@code :name}; a name may repeat; values from a Map or a record. */
    NAMED("':name'");

    private final String display;

    ParameterStyle(String display) {
        this.display = display;
    }

    String display() {
        return display;
    }
}
