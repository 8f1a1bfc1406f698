package io.quarkiverse.sqlspec.runtime.http;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkiverse.sqlspec.exception.CheckViolationException;
import io.quarkiverse.sqlspec.exception.DataException;
import io.quarkiverse.sqlspec.exception.DatabaseException;
import io.quarkiverse.sqlspec.exception.DatabaseUnavailableException;
import io.quarkiverse.sqlspec.exception.DeadlockException;
import io.quarkiverse.sqlspec.exception.ForeignKeyViolationException;
import io.quarkiverse.sqlspec.exception.NoResultException;
import io.quarkiverse.sqlspec.exception.NotNullViolationException;
import io.quarkiverse.sqlspec.exception.QueryTimeoutException;
import io.quarkiverse.sqlspec.exception.SerializationFailureException;
import io.quarkiverse.sqlspec.exception.SqlSpecException;
import io.quarkiverse.sqlspec.exception.UniqueViolationException;

/**
 * The HTTP answer to every exception SQLSpec throws, in the one JSON shape of {@link ErrorBodies}: 4xx when the
 * request caused it, 503 with {@code Retry-After} when the database cannot serve now, 500 otherwise (the table is in
 * the transactions guide, docs/modules/ROOT/pages/transactions.adoc). The application's own mappers for the same
 * types win (these have a lower priority). Bodies carry neither SQL nor row values nor stack traces; the exception is
 * logged with the request's correlation id (client errors at DEBUG, unavailability at WARN, the rest at ERROR).
 */
public class DatabaseExceptionMappers {

    private static final Logger LOG = Logger.getLogger(DatabaseExceptionMappers.class);
    static final int PRIORITY = Priorities.USER + 1000;
    /** Seconds a client should wait before retrying after a 503. */
    static final String RETRY_AFTER = "1";

    /** What a client is told for an exception. */
    record Answer(int status, String message) {
    }

    @ServerExceptionMapper(priority = PRIORITY)
    public Response map(SqlSpecException e) {
        Answer answer = answer(e);
        String sqlState = e instanceof DatabaseException database ? database.sqlState() : null;
        if (answer.status() >= 500 && answer.status() != 503) {
            LOG.error(answer.message(), e);
        } else if (answer.status() == 503) {
            LOG.warn(answer.message(), e);
        } else {
            LOG.debugf(e, "%s: answered with %d", answer.message(), answer.status());
        }
        Response.ResponseBuilder response = Response.status(answer.status())
                .entity(ErrorBodies.json(answer.status(), answer.message(), sqlState))
                .type(MediaType.APPLICATION_JSON_TYPE);
        if (answer.status() == 503) {
            response.header("Retry-After", RETRY_AFTER);
        }
        return response.build();
    }

    static Answer answer(SqlSpecException e) {
        if (e instanceof NoResultException) {
            return new Answer(404, "No such resource");
        }
        if (e instanceof UniqueViolationException) {
            return new Answer(409, "A resource with the same unique value already exists");
        }
        if (e instanceof ForeignKeyViolationException) {
            return new Answer(409, "The change refers to a resource that does not exist, or is still referred to");
        }
        if (e instanceof SerializationFailureException || e instanceof DeadlockException) {
            return new Answer(409, "The change conflicted with a concurrent one and was not saved; retry it");
        }
        if (e instanceof NotNullViolationException) {
            return new Answer(422, "A required value is missing");
        }
        if (e instanceof CheckViolationException) {
            return new Answer(422, "A value is not allowed");
        }
        if (e instanceof DataException) {
            return new Answer(422, "A value cannot be stored as given (wrong format, too long or out of range)");
        }
        if (e instanceof QueryTimeoutException) {
            return new Answer(503, "The database did not answer in time, try again later");
        }
        if (e instanceof DatabaseUnavailableException) {
            return new Answer(503, "The database is unavailable, try again later");
        }
        if (e instanceof DatabaseException) {
            return new Answer(500, "A database error occurred");
        }
        return new Answer(500, "The request could not be completed");
    }
}
