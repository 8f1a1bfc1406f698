package io.quarkiverse.sqlspec.deployment;

import java.lang.annotation.Annotation;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Singleton;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.ws.rs.core.MediaType;

import org.jboss.jandex.ClassType;
import org.jboss.jandex.DotName;

import io.quarkiverse.sqlspec.DbSession;
import io.quarkiverse.sqlspec.RowStream;
import io.quarkiverse.sqlspec.SqlSpec;
import io.quarkiverse.sqlspec.runtime.database.ContextScope;
import io.quarkiverse.sqlspec.runtime.database.DbSessionRecorder;
import io.quarkiverse.sqlspec.runtime.database.DbSessions;
import io.quarkiverse.sqlspec.runtime.http.DatabaseExceptionMappers;
import io.quarkiverse.sqlspec.runtime.http.RowStreamBodyWriter;
import io.quarkiverse.sqlspec.runtime.http.TransactionResponseFilter;
import io.quarkiverse.sqlspec.runtime.observability.StatementEvents;
import io.quarkiverse.sqlspec.runtime.sql.SqlDialect;
import io.quarkus.agroal.deployment.AgroalDataSourceBuildUtil;
import io.quarkus.agroal.runtime.DataSourcesJdbcBuildTimeConfig;
import io.quarkus.agroal.spi.JdbcDataSourceBuildItem;
import io.quarkus.arc.deployment.AdditionalBeanBuildItem;
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
import io.quarkus.resteasy.reactive.spi.CustomContainerResponseFilterBuildItem;
import io.quarkus.resteasy.reactive.spi.CustomExceptionMapperBuildItem;
import io.quarkus.resteasy.reactive.spi.MessageBodyWriterBuildItem;

/**
 * Database access: the {@link DbSessions} bean, the {@code DbSession} and {@code Connection} beans of the datasources
 * the application injects, {@code SqlSpec}, and the Quarkus REST integration (commit filter, exception mappers).
 */
class SqlSpecProcessor {

    static final String FEATURE = "sqlspec";

    static final DotName DB_SESSION = DotName.createSimple(DbSession.class.getName());
    static final DotName CONNECTION = DotName.createSimple(Connection.class.getName());

    @BuildStep
    FeatureBuildItem feature() {
        return new FeatureBuildItem(FEATURE);
    }

    @BuildStep
    AdditionalBeanBuildItem contextScope() {
        return AdditionalBeanBuildItem.unremovableOf(ContextScope.class);
    }

    @BuildStep
    void restIntegration(BuildProducer<CustomContainerResponseFilterBuildItem> responseFilters,
            BuildProducer<CustomExceptionMapperBuildItem> exceptionMappers) {
        responseFilters.produce(new CustomContainerResponseFilterBuildItem(TransactionResponseFilter.class.getName()));
        exceptionMappers.produce(new CustomExceptionMapperBuildItem(DatabaseExceptionMappers.class.getName()));
    }

    /** A {@code RowStream} returned by a resource method is written while its rows are read. */
    @BuildStep
    void rowStreamResponses(Capabilities capabilities, BuildProducer<MessageBodyWriterBuildItem> writers,
            BuildProducer<AdditionalBeanBuildItem> beans) {
        // by name: the Jackson writer's class refers to Jackson, which the application may not have
        String writer = capabilities.isPresent(Capability.REST_JACKSON)
                ? "io.quarkiverse.sqlspec.runtime.http.JacksonRowStreamBodyWriter"
                : RowStreamBodyWriter.class.getName();
        writers.produce(new MessageBodyWriterBuildItem(writer, RowStream.class.getName(),
                List.of(MediaType.APPLICATION_JSON, RowStreamBodyWriter.NDJSON)));
        beans.produce(new AdditionalBeanBuildItem.Builder().addBeanClass(writer).setUnremovable().build());
    }

    /** {@code DbSession.connection()} hands out a proxy whose {@code close()} does nothing. */
    @BuildStep
    NativeImageProxyDefinitionBuildItem nonClosingConnectionProxy() {
        return new NativeImageProxyDefinitionBuildItem(Connection.class.getName());
    }

    @BuildStep
    void dialects(List<JdbcDataSourceBuildItem> dataSources, DataSourcesJdbcBuildTimeConfig jdbcConfig,
            BuildProducer<DataSourceDialectBuildItem> dialects) {
        for (JdbcDataSourceBuildItem dataSource : dataSources) {
            var jdbc = jdbcConfig.dataSources().get(dataSource.getName());
            String driver = jdbc == null ? null : jdbc.jdbc().driver().orElse(null);
            dialects.produce(new DataSourceDialectBuildItem(dataSource.getName(),
                    SqlDialect.of(dataSource.getDbKind(), driver)));
        }
    }

    /**
     * Created at startup, so that a configuration mistake (a commit status out of range, settings for a datasource
     * that does not exist) fails the start rather than the first request.
     */
    @BuildStep
    @Record(ExecutionTime.RUNTIME_INIT)
    SyntheticBeanBuildItem dbSessions(DbSessionRecorder recorder, List<JdbcDataSourceBuildItem> dataSources,
            List<DataSourceDialectBuildItem> dialects, Capabilities capabilities) {
        Map<String, SqlDialect> dialectByName = new HashMap<>();
        dialects.forEach(dialect -> dialectByName.put(dialect.dataSourceName(), dialect.dialect()));
        boolean jta = capabilities.isPresent(Capability.TRANSACTIONS);
        boolean reactiveClient = capabilities.isPresent(Capability.REACTIVE_PG_CLIENT);
        SyntheticBeanBuildItem.ExtendedBeanConfigurator bean = SyntheticBeanBuildItem.configure(DbSessions.class)
                .scope(Singleton.class)
                .unremovable()
                .setRuntimeInit()
                .startup()
                .addInjectionPoint(ClassType.create(StatementEvents.class))
                .addInjectionPoint(ClassType.create(ContextScope.class))
                .createWith(recorder.dbSessions(commitOrder(dataSources), dialectByName, jta, reactiveClient));
        if (jta) {
            bean.addInjectionPoint(ClassType.create(TransactionSynchronizationRegistry.class));
        }
        return bean.done();
    }

    /**
     * Application-scoped: filters and other beans created before runtime initialization has finished get a client
     * proxy, and the instance behind it is the one {@link DbSessions} uses.
     */
    @BuildStep
    @Record(ExecutionTime.RUNTIME_INIT)
    void dbSessionBeans(DbSessionRecorder recorder, List<DbSessionUsageBuildItem> usages,
            BuildProducer<SyntheticBeanBuildItem> beans) {
        for (DbSessionUsageBuildItem usage : usages) {
            String name = usage.dataSourceName();
            if (usage.dbSession()) {
                // created at startup, so that a used datasource that is inactive fails the start, as agroal's do
                beans.produce(perDataSource(DbSession.class, ApplicationScoped.class, name, recorder)
                        .startup()
                        .createWith(recorder.dbSession(name))
                        .done());
            }
            if (usage.connection()) {
                beans.produce(perDataSource(Connection.class, RequestScoped.class, name, recorder)
                        .createWith(recorder.requestConnection(name))
                        .done());
            }
        }
        beans.produce(SyntheticBeanBuildItem.configure(SqlSpec.class)
                .scope(ApplicationScoped.class)
                .setRuntimeInit()
                .addInjectionPoint(ClassType.create(DbSessions.class))
                .createWith(recorder.sqlSpec())
                .done());
    }

    private static SyntheticBeanBuildItem.ExtendedBeanConfigurator perDataSource(Class<?> type,
            Class<? extends Annotation> scope, String dataSource, DbSessionRecorder recorder) {
        return SyntheticBeanBuildItem.configure(type)
                .scope(scope)
                .setRuntimeInit()
                .addQualifier(AgroalDataSourceBuildUtil.qualifier(dataSource))
                .addInjectionPoint(ClassType.create(DbSessions.class))
                .checkActive(recorder.checkActive(dataSource));
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
}
