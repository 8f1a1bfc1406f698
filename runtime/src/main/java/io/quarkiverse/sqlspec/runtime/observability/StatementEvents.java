package io.quarkiverse.sqlspec.runtime.observability;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.event.Event;

import org.jboss.logging.Logger;

import io.quarkiverse.sqlspec.StatementEvent;
import io.quarkus.arc.Arc;

/**
 * Turns each statement into a DEBUG line, a slow-query WARN, an entry in the recent-statements ring and a CDI
 * {@link StatementEvent} — each only when something wants it. With DEBUG off, no observer, no ring and a fast
 * statement, the cost is two {@code System.nanoTime()} calls and a few branches.
 */
public final class StatementEvents {

    private static final Logger LOG = Logger.getLogger("io.quarkiverse.sqlspec.statements");
    private static final String MASK = "***";
    private static final int MAX_PARAMETER_TEXT = 100;

    private final long slowNanos;
    private final boolean logParameters;
    private final RecentStatements recent;
    private final boolean observed;
    private final StatementMetrics metrics;
    private volatile Event<StatementEvent> event;

    /**
     * @param observed whether the application has an observer of {@link StatementEvent} (known at build time)
     * @param metrics where durations go when the application has a metrics library, else {@code null}
     */
    public StatementEvents(Duration slowThreshold, boolean logParameters, int recentStatements, boolean observed,
            StatementMetrics metrics) {
        this.observed = observed;
        this.metrics = metrics;
        this.slowNanos = slowThreshold.toNanos();
        this.logParameters = logParameters;
        this.recent = recentStatements > 0 ? new RecentStatements(recentStatements) : null;
    }

    /** Statements at least this slow are logged at WARN and shown as slow. */
    public Duration slowThreshold() {
        return Duration.ofNanos(slowNanos);
    }

    /** The ring of recent statements, or {@code null} when it is off ({@code recent-statements=0}). */
    public RecentStatements recent() {
        return recent;
    }

    /**
     * @param started {@code System.nanoTime()} before the statement
     */
    public void record(String datasource, String sql, Object[] parameters, long started, long rows, Throwable error) {
        long elapsed = System.nanoTime() - started;
        boolean slow = elapsed >= slowNanos;
        boolean debug = LOG.isDebugEnabled();
        boolean observers = observed;
        if (metrics != null) {
            metrics.record(datasource, operation(sql), elapsed, error != null);
        }
        if (!slow && !debug && recent == null && !observers && error == null) {
            return;
        }
        StatementEvent statement = new StatementEvent(CorrelationHandler.currentId(), datasource, operation(sql), sql,
                parameterTexts(parameters), Duration.ofNanos(elapsed), rows, error);
        if (slow) {
            LOG.warnf("Slow statement (%s) on %s took %d ms, %d rows: %s %s", statement.correlationId(), datasource,
                    statement.duration().toMillis(), rows, sql, statement.parameters());
        } else if (debug) {
            LOG.debugf("[%s] %s %s in %.3f ms, %d rows%s: %s %s", statement.correlationId(), datasource,
                    statement.operation(), elapsed / 1_000_000.0, rows, error == null ? "" : ", failed", sql,
                    statement.parameters());
        }
        if (recent != null) {
            recent.add(statement);
        }
        if (observers) {
            fire(statement);
        }
    }

    private void fire(StatementEvent statement) {
        Event<StatementEvent> current = event;
        if (current == null) {
            current = Arc.container().beanManager().getEvent().select(StatementEvent.class);
            event = current;
        }
        try {
            current.fire(statement);
        } catch (RuntimeException e) {
            LOG.warnf(e, "A StatementEvent observer failed; the statement itself succeeded or failed on its own");
        }
    }

    private List<String> parameterTexts(Object[] parameters) {
        if (parameters == null || parameters.length == 0) {
            return List.of();
        }
        List<String> texts = new ArrayList<>(parameters.length);
        for (Object parameter : parameters) {
            texts.add(logParameters ? text(parameter) : MASK);
        }
        return texts;
    }

    private static String text(Object parameter) {
        if (parameter == null) {
            return "null";
        }
        String text = parameter instanceof byte[] bytes ? "<" + bytes.length + " bytes>" : String.valueOf(parameter);
        return text.length() <= MAX_PARAMETER_TEXT ? text : text.substring(0, MAX_PARAMETER_TEXT) + "...";
    }

    static String operation(String sql) {
        int start = 0;
        int length = sql.length();
        while (start < length) {
            char c = sql.charAt(start);
            if (Character.isWhitespace(c) || c == '(') {
                start++;
            } else if (c == '-' && start + 1 < length && sql.charAt(start + 1) == '-') {
                int newline = sql.indexOf('\n', start);
                start = newline < 0 ? length : newline + 1;
            } else if (c == '/' && start + 1 < length && sql.charAt(start + 1) == '*') {
                int end = sql.indexOf("*/", start + 2);
                start = end < 0 ? length : end + 2;
            } else {
                break;
            }
        }
        int end = start;
        while (end < length && Character.isLetter(sql.charAt(end))) {
            end++;
        }
        return sql.substring(start, end).toUpperCase(Locale.ROOT);
    }
}
