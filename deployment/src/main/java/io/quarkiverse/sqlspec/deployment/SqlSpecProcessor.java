package io.quarkiverse.sqlspec.deployment;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Singleton;

import org.jboss.jandex.DotName;

import io.quarkiverse.sqlspec.DbSession;
import io.quarkiverse.sqlspec.SqlSpec;
import io.quarkiverse.sqlspec.StatementEvent;
import io.quarkiverse.sqlspec.runtime.SessionBeansRecorder;
import io.quarkiverse.sqlspec.runtime.SessionManagerRecorder;
import io.quarkiverse.sqlspec.runtime.http.DatabaseExceptionMappers;
import io.quarkiverse.sqlspec.runtime.http.TransactionResponseFilter;
import io.quarkiverse.sqlspec.runtime.session.ContextScope;
import io.quarkus.agroal.deployment.AgroalDataSourceBuildUtil;
import io.quarkus.agroal.spi.JdbcDataSourceBuildItem;
import io.quarkus.arc.deployment.AdditionalBeanBuildItem;
import io.quarkus.arc.deployment.BeanDiscoveryFinishedBuildItem;
import io.quarkus.arc.deployment.SyntheticBeanBuildItem;
import io.quarkus.datasource.common.runtime.DataSourceUtil;
import io.quarkus.deployment.Capabilities;
import io.quarkus.deployment.Capability;
import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.annotations.ExecutionTime;
import io.quarkus.deployment.annotations.Record;
import io.quarkus.deployment.builditem.FeatureBuildItem;
import io.quarkus.deployment.builditem.nativeimage.NativeImageProxyDefinitionBuildItem;
import io.quarkus.deployment.builditem.nativeimage.ReflectiveClassBuildItem;
import io.quarkus.deployment.metrics.MetricsCapabilityBuildItem;
import io.quarkus.resteasy.reactive.spi.CustomContainerResponseFilterBuildItem;
import io.quarkus.resteasy.reactive.spi.CustomExceptionMapperBuildItem;
import io.quarkus.runtime.metrics.MetricsFactory;

/**
 * The core build steps: the session beans of the datasources the application uses, the runtime initialization of
 * the session manager, and the Quarkus REST integration (commit filter, exception mappers).
 */
class SqlSpecProcessor {

    static final String FEATURE = "sqlspec";

    @BuildStep
    FeatureBuildItem feature() {
        return new FeatureBuildItem(FEATURE);
    }

    @BuildStep
    AdditionalBeanBuildItem infrastructureBeans() {
        return AdditionalBeanBuildItem.builder().addBeanClass(ContextScope.class).setUnremovable().build();
    }

    @BuildStep
    void restIntegration(BuildProducer<CustomContainerResponseFilterBuildItem> responseFilters,
            BuildProducer<CustomExceptionMapperBuildItem> exceptionMappers) {
        responseFilters.produce(new CustomContainerResponseFilterBuildItem(TransactionResponseFilter.class.getName()));
        exceptionMappers.produce(new CustomExceptionMapperBuildItem(DatabaseExceptionMappers.class.getName()));
    }

    @BuildStep
    NativeImageProxyDefinitionBuildItem nonClosingConnectionProxy() {
        return new NativeImageProxyDefinitionBuildItem(Connection.class.getName());
    }

    @BuildStep
    @Record(ExecutionTime.RUNTIME_INIT)
    void initializeSessions(SessionManagerRecorder recorder, List<JdbcDataSourceBuildItem> dataSources,
            Capabilities capabilities, BeanDiscoveryFinishedBuildItem beans,
            Optional<MetricsCapabilityBuildItem> metrics, BuildProducer<ReflectiveClassBuildItem> reflection) {
        boolean micrometer = metrics.isPresent() && metrics.get().metricsSupported(MetricsFactory.MICROMETER);
        if (micrometer) {
            reflection.produce(ReflectiveClassBuildItem.builder(SessionManagerRecorder.MICROMETER_TIMERS).build());
        }
        boolean observed = beans.getObservers().stream()
                .anyMatch(observer -> STATEMENT_EVENT.equals(observer.getObservedType().name()));
        recorder.initialize(commitOrder(dataSources), capabilities.isPresent(Capability.TRANSACTIONS), observed,
                micrometer);
    }

    @BuildStep
    @Record(ExecutionTime.STATIC_INIT)
    void sessionBeans(SessionBeansRecorder recorder, List<DataSourceSessionUsageBuildItem> usages,
            BuildProducer<SyntheticBeanBuildItem> beans) {
        for (DataSourceSessionUsageBuildItem usage : usages) {
            String name = usage.dataSourceName();
            if (usage.dbSession()) {
                beans.produce(SyntheticBeanBuildItem.configure(DbSession.class)
                        .scope(Singleton.class)
                        .addQualifier(AgroalDataSourceBuildUtil.qualifier(name))
                        .createWith(recorder.dbSession(name))
                        .done());
            }
            if (usage.connection()) {
                beans.produce(SyntheticBeanBuildItem.configure(Connection.class)
                        .scope(RequestScoped.class)
                        .addQualifier(AgroalDataSourceBuildUtil.qualifier(name))
                        .createWith(recorder.requestConnection(name))
                        .done());
            }
        }
        beans.produce(SyntheticBeanBuildItem.configure(SqlSpec.class)
                .scope(Singleton.class)
                .createWith(recorder.sqlSpec())
                .done());
    }

    /** The default datasource first, then the named ones alphabetically: the order commits happen in. */
    static List<String> commitOrder(List<JdbcDataSourceBuildItem> dataSources) {
        Set<String> named = new TreeSet<>();
        List<String> order = new ArrayList<>();
        for (JdbcDataSourceBuildItem dataSource : dataSources) {
            if (DataSourceUtil.isDefault(dataSource.getName())) {
                order.add(dataSource.getName());
            } else {
                named.add(dataSource.getName());
            }
        }
        order.addAll(named);
        return order;
    }

    static final DotName DB_SESSION = DotName.createSimple(DbSession.class.getName());
    static final DotName CONNECTION = DotName.createSimple(Connection.class.getName());
    static final DotName STATEMENT_EVENT = DotName.createSimple(StatementEvent.class.getName());
}
