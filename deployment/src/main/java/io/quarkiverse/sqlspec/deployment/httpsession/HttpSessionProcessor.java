package io.quarkiverse.sqlspec.deployment.httpsession;

import java.util.function.BooleanSupplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Singleton;

import org.jboss.jandex.ClassType;

import io.quarkiverse.sqlspec.HttpSession;
import io.quarkiverse.sqlspec.HttpSessionStore;
import io.quarkiverse.sqlspec.runtime.config.SqlSpecBuildTimeConfig;
import io.quarkiverse.sqlspec.runtime.database.DbSessions;
import io.quarkiverse.sqlspec.runtime.httpsession.HttpSessionRecorder;
import io.quarkiverse.sqlspec.runtime.httpsession.HttpSessionRepository;
import io.quarkiverse.sqlspec.runtime.httpsession.HttpSessionResponseFilter;
import io.quarkiverse.sqlspec.runtime.httpsession.HttpSessions;
import io.quarkus.arc.deployment.SyntheticBeanBuildItem;
import io.quarkus.arc.deployment.SyntheticBeansRuntimeInitBuildItem;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.annotations.BuildSteps;
import io.quarkus.deployment.annotations.Consume;
import io.quarkus.deployment.annotations.ExecutionTime;
import io.quarkus.deployment.annotations.Record;
import io.quarkus.deployment.builditem.ShutdownContextBuildItem;
import io.quarkus.deployment.builditem.nativeimage.ReflectiveClassBuildItem;
import io.quarkus.resteasy.reactive.spi.CustomContainerResponseFilterBuildItem;
import io.quarkus.vertx.http.deployment.FilterBuildItem;

/**
 * Server-side HTTP sessions, when {@code quarkus.sqlspec.http-session.enabled=true}: the runtime bean, the injectable
 * session, the filters that find it and save it before the response is written, and the periodic purge.
 */
@BuildSteps(onlyIf = HttpSessionProcessor.Enabled.class)
class HttpSessionProcessor {

    static final class Enabled implements BooleanSupplier {
        private final SqlSpecBuildTimeConfig config;

        Enabled(SqlSpecBuildTimeConfig config) {
            this.config = config;
        }

        @Override
        public boolean getAsBoolean() {
            return config.httpSession().enabled();
        }
    }

    /** Below correlation (400) and the shutdown gate (500); sessions need neither to run first. */
    static final int ROUTE_PRIORITY = 350;

    /** The session read maps its row like any application row type, reflectively, in a native executable too. */
    @BuildStep
    ReflectiveClassBuildItem sessionRowType() {
        return ReflectiveClassBuildItem.builder(HttpSessionRepository.SessionRow.class).constructors().methods().fields()
                .reason("SQLSpec HTTP session row").build();
    }

    @BuildStep
    CustomContainerResponseFilterBuildItem saveBeforeResponse() {
        return new CustomContainerResponseFilterBuildItem(HttpSessionResponseFilter.class.getName());
    }

    @BuildStep
    @Record(ExecutionTime.RUNTIME_INIT)
    FilterBuildItem sessionRoute(HttpSessionRecorder recorder) {
        return new FilterBuildItem(recorder.routeHandler(), ROUTE_PRIORITY);
    }

    @BuildStep
    @Record(ExecutionTime.RUNTIME_INIT)
    SyntheticBeanBuildItem httpSessions(HttpSessionRecorder recorder) {
        return SyntheticBeanBuildItem.configure(HttpSessions.class)
                .scope(Singleton.class)
                .unremovable()
                .setRuntimeInit()
                .addInjectionPoint(ClassType.create(DbSessions.class))
                .createWith(recorder.httpSessions())
                .done();
    }

    @BuildStep
    @Record(ExecutionTime.RUNTIME_INIT)
    SyntheticBeanBuildItem httpSessionBean(HttpSessionRecorder recorder) {
        // application-scoped: resources and filters may be created before runtime initialization has finished
        return SyntheticBeanBuildItem.configure(HttpSession.class)
                .scope(ApplicationScoped.class)
                .setRuntimeInit()
                .addInjectionPoint(ClassType.create(HttpSessions.class))
                .createWith(recorder.httpSession())
                .done();
    }

    @BuildStep
    @Record(ExecutionTime.RUNTIME_INIT)
    SyntheticBeanBuildItem httpSessionStoreBean(HttpSessionRecorder recorder) {
        return SyntheticBeanBuildItem.configure(HttpSessionStore.class)
                .scope(ApplicationScoped.class)
                .unremovable() // the database commands look it up
                .setRuntimeInit()
                .addInjectionPoint(ClassType.create(HttpSessions.class))
                .createWith(recorder.httpSessionStore())
                .done();
    }

    /** Creates the runtime (and its table) during startup, not on the first request. */
    @BuildStep
    @Record(ExecutionTime.RUNTIME_INIT)
    @Consume(SyntheticBeansRuntimeInitBuildItem.class)
    void schedulePurge(HttpSessionRecorder recorder, ShutdownContextBuildItem shutdown) {
        recorder.schedulePurge(shutdown);
    }
}
