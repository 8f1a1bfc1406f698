package io.quarkiverse.sqlspec.runtime.database;

import io.quarkiverse.sqlspec.exception.SqlSpecException;

/**
 * A session, result or connection was used after its request or transaction ended.
 */
final class DbSessionEndedException extends SqlSpecException {

    DbSessionEndedException(String dataSource) {
        super("The session of " + dataSource + " was used after its request or transaction ended, and its connection"
                + " is back in the pool. Finish database work before the response is sent, or run later work in"
                + " SqlSpec.transaction(...)");
    }
}
