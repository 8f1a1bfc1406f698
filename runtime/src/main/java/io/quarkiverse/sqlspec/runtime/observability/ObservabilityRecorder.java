package io.quarkiverse.sqlspec.runtime.observability;

import java.util.function.Consumer;
import java.util.function.Function;

import jakarta.inject.Inject;

import io.quarkiverse.sqlspec.runtime.config.SqlSpecRuntimeConfig;
import io.quarkus.arc.Arc;
import io.quarkus.arc.SyntheticCreationalContext;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.RuntimeValue;
import io.quarkus.runtime.annotations.Recorder;
import io.quarkus.runtime.metrics.MetricsFactory;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * Records request correlation (the route filter) and statement observability (the {@link StatementEvents} bean and
 * its metrics).
 */
@Recorder
public class ObservabilityRecorder {

    private final RuntimeValue<SqlSpecRuntimeConfig> config;

    @Inject
    public ObservabilityRecorder(RuntimeValue<SqlSpecRuntimeConfig> config) {
        this.config = config;
    }

    public Handler<RoutingContext> correlationHandler() {
        SqlSpecRuntimeConfig.Correlation correlation = config.getValue().correlation();
        if (!correlation.enabled()) {
            return RoutingContext::next;
        }
        return new CorrelationHandler(correlation.headers(), correlation.responseHeader());
    }

    /**
     * @param observed whether the application observes {@code StatementEvent} (known at build time)
     * @param metrics whether the application has a metrics library (then {@link StatementMetrics} is a bean)
     */
    public Function<SyntheticCreationalContext<StatementEvents>, StatementEvents> statementEvents(boolean observed,
            boolean metrics) {
        return context -> {
            SqlSpecRuntimeConfig runtimeConfig = config.getValue();
            int recent = runtimeConfig.recentStatements().orElse(LaunchMode.current().isDevOrTest() ? 100 : 0);
            return new StatementEvents(runtimeConfig.slowQueryThreshold(), runtimeConfig.logParameters(), recent,
                    observed, metrics ? context.getInjectedReference(StatementMetrics.class) : null);
        };
    }

    public Consumer<MetricsFactory> statementMetrics() {
        return factory -> Arc.container().instance(StatementMetrics.class).get().bind(factory);
    }
}
