package io.quarkiverse.sqlspec.runtime.session;

import io.quarkiverse.sqlspec.SqlSpecException;

/**
 * A session, result or connection was used after its request or transaction ended.
 */
final class SessionEndedException extends SqlSpecException {

    SessionEndedException(String dataSource) {
        super("The session of " + dataSource + " was used after its request or transaction ended, and its connection"
                + " is back in the pool. Finish database work before the response is sent, or run later work in"
                + " SqlSpec.transaction(...)");
    }
}
