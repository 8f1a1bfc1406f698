package io.quarkiverse.sqlspec.it;

import java.util.Map;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The demo's answer to a request that lacks what it must carry: 400, in the same JSON shape as SQLSpec's errors.
 */
final class BadRequests {

    private BadRequests() {
    }

    static WebApplicationException because(String message) {
        return new WebApplicationException(Response.status(Response.Status.BAD_REQUEST)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Map.of("status", 400, "error", "Bad Request", "message", message))
                .build());
    }
}
