package io.quarkiverse.sqlspec.runtime.mapping;

import java.sql.SQLException;

/**
 * Reads one column of the current row as one Java type.
 */
@FunctionalInterface
interface ColumnReader {

    Object read(ResultRow rs, int column) throws SQLException;
}
