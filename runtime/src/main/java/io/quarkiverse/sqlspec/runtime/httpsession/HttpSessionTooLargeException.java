package io.quarkiverse.sqlspec.runtime.httpsession;

import io.quarkiverse.sqlspec.exception.SqlSpecException;

/**
 * A session's data is larger than {@code quarkus.sqlspec.http-session.max-size}; it was not saved.
 */
public final class HttpSessionTooLargeException extends SqlSpecException {

    public HttpSessionTooLargeException(int size, int limit) {
        super("The session data is " + size + " bytes, over the limit of " + limit
                + " bytes (quarkus.sqlspec.http-session.max-size); it was not saved. Keep ids in the session and the"
                + " data itself in tables");
    }
}
