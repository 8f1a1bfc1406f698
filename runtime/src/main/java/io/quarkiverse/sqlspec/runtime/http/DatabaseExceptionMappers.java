package io.quarkiverse.sqlspec.runtime.http;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkiverse.sqlspec.exception.ConnectionLostException;
import io.quarkiverse.sqlspec.exception.DatabaseException;
import io.quarkiverse.sqlspec.exception.NoResultException;
import io.quarkiverse.sqlspec.exception.QueryTimeoutException;
import io.quarkiverse.sqlspec.exception.UniqueViolationException;

/**
 * Default HTTP answers for SQLSpec's exceptions. The application's own mappers for the same types win (these have a
 * lower priority). Bodies are small JSON documents without SQL or stack traces; the full error is logged.
 */
public class DatabaseExceptionMappers {

    private static final Logger LOG = Logger.getLogger(DatabaseExceptionMappers.class);
    static final int PRIORITY = Priorities.USER + 1000;

    @ServerExceptionMapper(priority = PRIORITY)
    public Response notFound(NoResultException e) {
        return respond(404, ErrorBodies.json(404, "No such resource", null));
    }

    @ServerExceptionMapper(priority = PRIORITY)
    public Response conflict(UniqueViolationException e) {
        LOG.debugf(e, "Unique violation answered with 409");
        return respond(409, ErrorBodies.json(409, "A resource with the same unique value already exists",
                e.sqlState()));
    }

    @ServerExceptionMapper(priority = PRIORITY)
    public Response unavailable(ConnectionLostException e) {
        LOG.error("Database connection lost", e);
        return respond(503, ErrorBodies.json(503, "The database is unavailable, try again later",
                e.sqlState()));
    }

    @ServerExceptionMapper(priority = PRIORITY)
    public Response timeout(QueryTimeoutException e) {
        LOG.error("Database statement timed out", e);
        return respond(503, ErrorBodies.json(503, "The database did not answer in time",
                e.sqlState()));
    }

    @ServerExceptionMapper(priority = PRIORITY)
    public Response databaseError(DatabaseException e) {
        LOG.error("Database error", e);
        return respond(500, ErrorBodies.json(500, "A database error occurred", e.sqlState()));
    }

    private static Response respond(int status, String body) {
        return Response.status(status).entity(body).type(MediaType.APPLICATION_JSON_TYPE).build();
    }
}
