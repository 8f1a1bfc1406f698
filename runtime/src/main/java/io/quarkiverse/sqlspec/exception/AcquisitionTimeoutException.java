package io.quarkiverse.sqlspec.exception;

/**
 * No pooled connection became available within the datasource's acquisition timeout
 * ({@code quarkus.datasource.jdbc.acquisition-timeout}): every connection is in use, or the database is too slow to
 * accept new ones.
 */
public class AcquisitionTimeoutException extends DatabaseUnavailableException {

    public AcquisitionTimeoutException(String message, String sql, Throwable cause) {
        super(message, null, sql, cause);
    }
}
