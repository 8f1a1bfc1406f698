package io.quarkiverse.sqlspec;

import java.time.Duration;
import java.util.List;

/**
 * One statement run through SQLSpec. Observe it with {@code void on(@Observes StatementEvent event)}; events are fired
 * synchronously on the thread that ran the statement, so keep observers fast. When nothing observes them, no event is
 * created.
 *
 * @param correlationId the request's correlation id, or {@code null} outside a request
 * @param datasource the datasource name ({@code <default>} for the default one)
 * @param operation the statement's first keyword, upper case ({@code SELECT}, {@code INSERT}, ...)
 * @param sql the SQL text as written by the application
 * @param parameters the parameter values as text, {@code ***} unless {@code quarkus.sqlspec.log-parameters=true}
 * @param duration how long the database took, including reading the result
 * @param rows rows affected or returned ({@code -1} when unknown, e.g. an unread query)
 * @param error the failure, or {@code null}
 */
public record StatementEvent(String correlationId, String datasource, String operation, String sql,
        List<String> parameters, Duration duration, long rows, Throwable error) {

    public boolean failed() {
        return error != null;
    }
}
