package io.quarkiverse.sqlspec.runtime.reactive;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;

import io.vertx.core.VertxException;
import io.vertx.pgclient.PgException;

/**
 * Failures of the reactive PostgreSQL client in the form of pgjdbc's, so that one translation
 * ({@code SqlExceptions}) gives both drivers the same exceptions, statuses and masked messages.
 */
public final class ReactiveErrors {

    private ReactiveErrors() {
    }

    public static SQLException toSqlException(Throwable failure) {
        if (failure instanceof SQLException sql) {
            return sql;
        }
        if (failure instanceof PgException pg) {
            // pgjdbc's layout: the message, then each further field on a line of its own (masked unless details show)
            StringBuilder message = new StringBuilder(pg.getSeverity() == null ? "ERROR" : pg.getSeverity())
                    .append(": ").append(pg.getErrorMessage());
            if (pg.getDetail() != null) {
                message.append("\n  Detail: ").append(pg.getDetail());
            }
            if (pg.getHint() != null) {
                message.append("\n  Hint: ").append(pg.getHint());
            }
            return new SQLException(message.toString(), pg.getSqlState(), failure);
        }
        if (failure instanceof ConnectException || failure instanceof VertxException
                && failure.getMessage() != null && failure.getMessage().contains("closed")) {
            return new SQLNonTransientConnectionException(failure.getMessage(), "08006", failure);
        }
        return new SQLException(failure.getMessage() == null ? failure.toString() : failure.getMessage(), null, failure);
    }
}
