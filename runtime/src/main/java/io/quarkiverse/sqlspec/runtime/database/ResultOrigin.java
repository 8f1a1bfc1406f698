package io.quarkiverse.sqlspec.runtime.database;

import io.quarkiverse.sqlspec.runtime.jdbc.SqlExceptions;
import io.quarkiverse.sqlspec.runtime.mapping.ResultRow;

/** The connection a result came from, as the result needs it while it is read. */
interface ResultOrigin {

    SqlExceptions errors();

    /** Whether the connection has gone back to the pool, so that its results can no longer be read. */
    boolean isClosed();

    /** The datasource, for messages. */
    String describe();

    /** Every row of {@code rows} has been read: whatever holds them (a JDBC statement) can close. */
    void resultRead(ResultRow rows);
}
