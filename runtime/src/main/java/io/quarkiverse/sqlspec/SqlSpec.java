package io.quarkiverse.sqlspec;

import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Programmatic access to SQLSpec, by datasource name: sessions for code that picks the datasource at run time, and
 * transactions outside HTTP requests (scheduled jobs, startup code, message consumers).
 *
 * <pre>
 * &#64;Inject SqlSpec sqlspec;
 *
 * long purged = sqlspec.transaction("analytics", s -&gt; s.execute("DELETE FROM events WHERE at &lt; now() - interval '90 days'")
 *         .rowsAffected());
 * </pre>
 */
public interface SqlSpec {

    /** The name of the default datasource. */
    String DEFAULT_DATASOURCE = "<default>";

    /**
     * The session of the default datasource.
     */
    DbSession session();

    /**
     * The session of a datasource by name. Inside an HTTP request it shares the request's connection with the injected
     * sessions.
     *
     * @throws IllegalArgumentException if no datasource has that name (the message lists the configured ones)
     */
    DbSession session(String datasource);

    /**
     * Runs {@code work} in a transaction of its own on a connection of its own: committed when {@code work} returns,
     * rolled back when it throws (the exception is rethrown). Any session of that datasource used on this thread
     * meanwhile joins the transaction. Blocking: do not call it on the event loop.
     */
    <T> T transaction(String datasource, Function<DbSession, T> work);

    /**
     * {@link #transaction(String, Function)} on the default datasource.
     */
    <T> T transaction(Function<DbSession, T> work);

    /**
     * {@link #transaction(String, Function)} without a result.
     */
    void inTransaction(String datasource, Consumer<DbSession> work);

    /**
     * The names of the configured datasources.
     */
    Set<String> datasources();

    /**
     * The commit mode of a datasource.
     */
    CommitMode commitMode(String datasource);
}
