package io.quarkiverse.sqlspec.runtime.sessions;

import io.quarkiverse.sqlspec.SqlSpecException;

/**
 * A session's data is larger than {@code quarkus.sqlspec.session.max-size}; it was not saved.
 */
public final class SessionTooLargeException extends SqlSpecException {

    public SessionTooLargeException(int size, int limit) {
        super("The session data is " + size + " bytes, over the limit of " + limit
                + " bytes (quarkus.sqlspec.session.max-size); it was not saved. Keep ids in the session and the"
                + " data itself in tables");
    }
}
