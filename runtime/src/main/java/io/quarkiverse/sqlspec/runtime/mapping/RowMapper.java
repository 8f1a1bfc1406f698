package io.quarkiverse.sqlspec.runtime.mapping;

import java.sql.SQLException;

/**
 * Maps the current row of a result set to a value. Built once per result set (the column binding is resolved then),
 * applied to every row.
 */
@FunctionalInterface
public interface RowMapper<T> {

    T map(ResultRow rs) throws SQLException;
}
