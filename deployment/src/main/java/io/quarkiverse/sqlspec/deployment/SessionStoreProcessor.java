package io.quarkiverse.sqlspec.deployment;

import java.util.function.BooleanSupplier;

import jakarta.inject.Singleton;

import io.quarkiverse.sqlspec.HttpSession;
import io.quarkiverse.sqlspec.runtime.SessionBeansRecorder;
import io.quarkiverse.sqlspec.runtime.SessionStoreRecorder;
import io.quarkiverse.sqlspec.runtime.config.SqlSpecBuildTimeConfig;
import io.quarkiverse.sqlspec.runtime.sessions.SessionResponseFilter;
import io.quarkus.arc.deployment.SyntheticBeanBuildItem;
import io.quarkus.arc.deployment.SyntheticBeansRuntimeInitBuildItem;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.annotations.BuildSteps;
import io.quarkus.deployment.annotations.Consume;
import io.quarkus.deployment.annotations.ExecutionTime;
import io.quarkus.deployment.annotations.Record;
import io.quarkus.deployment.builditem.ShutdownContextBuildItem;
import io.quarkus.resteasy.reactive.spi.CustomContainerResponseFilterBuildItem;
import io.quarkus.vertx.http.deployment.FilterBuildItem;

/**
 * Server-side HTTP sessions, when {@code quarkus.sqlspec.session.enabled=true}: the injectable session, the filter that
 * saves it before the response is written, and the store's start (table, purge).
 */
@BuildSteps(onlyIf = SessionStoreProcessor.Enabled.class)
class SessionStoreProcessor {

    static final class Enabled implements BooleanSupplier {
        private final SqlSpecBuildTimeConfig config;

        Enabled(SqlSpecBuildTimeConfig config) {
            this.config = config;
        }

        @Override
        public boolean getAsBoolean() {
            return config.session().enabled();
        }
    }

    @BuildStep
    CustomContainerResponseFilterBuildItem saveBeforeResponse() {
        return new CustomContainerResponseFilterBuildItem(SessionResponseFilter.class.getName());
    }

    /** Below correlation (400) and the shutdown gate (500); sessions need neither to run first. */
    static final int ROUTE_PRIORITY = 350;

    @BuildStep
    @Record(ExecutionTime.RUNTIME_INIT)
    FilterBuildItem sessionRoute(SessionStoreRecorder recorder) {
        return new FilterBuildItem(recorder.routeHandler(), ROUTE_PRIORITY);
    }

    @BuildStep
    @Record(ExecutionTime.STATIC_INIT)
    SyntheticBeanBuildItem httpSessionBean(SessionBeansRecorder recorder) {
        return SyntheticBeanBuildItem.configure(HttpSession.class)
                .scope(Singleton.class)
                .createWith(recorder.httpSession())
                .done();
    }

    @BuildStep
    @Record(ExecutionTime.RUNTIME_INIT)
    @Consume(SyntheticBeansRuntimeInitBuildItem.class)
    void startStore(SessionStoreRecorder recorder, ShutdownContextBuildItem shutdown) {
        recorder.start(shutdown);
    }
}
