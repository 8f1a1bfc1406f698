package io.quarkiverse.sqlspec.deployment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.DotName;
import org.jboss.jandex.ParameterizedType;
import org.jboss.jandex.Type;

import io.quarkus.agroal.DataSource;
import io.quarkus.agroal.spi.JdbcDataSourceBuildItem;
import io.quarkus.arc.deployment.BeanDiscoveryFinishedBuildItem;
import io.quarkus.arc.processor.DotNames;
import io.quarkus.arc.processor.InjectionPointInfo;
import io.quarkus.datasource.common.runtime.DataSourceUtil;
import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.runtime.configuration.ConfigurationException;

/**
 * Finds every injection point of {@code DbSession} and {@code Connection}, so that beans are synthesized only for the
 * datasources the application uses, and an injection point naming a datasource that does not exist fails the build
 * with a message saying which one, where, and what exists.
 */
class InjectionPointProcessor {

    private static final DotName DATA_SOURCE = DotName.createSimple(DataSource.class.getName());
    private static final Set<DotName> LAZY_WRAPPERS = Set.of(DotNames.INSTANCE, DotNames.INJECTABLE_INSTANCE,
            DotNames.PROVIDER);

    @BuildStep
    void findUsedDataSources(BeanDiscoveryFinishedBuildItem beanDiscovery, List<JdbcDataSourceBuildItem> dataSources,
            BuildProducer<DbSessionUsageBuildItem> usages) {
        Set<String> configured = new TreeSet<>();
        dataSources.forEach(dataSource -> configured.add(dataSource.getName()));

        Map<String, boolean[]> used = new LinkedHashMap<>();
        List<String> errors = new ArrayList<>();
        for (InjectionPointInfo injectionPoint : beanDiscovery.getInjectionPoints()) {
            DotName type = injectedType(injectionPoint.getType());
            boolean session = SqlSpecProcessor.DB_SESSION.equals(type);
            boolean connection = SqlSpecProcessor.CONNECTION.equals(type);
            if (!session && !connection) {
                continue;
            }
            String name = dataSourceName(injectionPoint);
            if (!configured.contains(name)) {
                errors.add(unknownDataSource(injectionPoint, type, name, configured));
                continue;
            }
            boolean[] kinds = used.computeIfAbsent(name, n -> new boolean[2]);
            kinds[0] |= session;
            kinds[1] |= connection;
        }
        if (!errors.isEmpty()) {
            throw new ConfigurationException(String.join(System.lineSeparator(), errors));
        }
        used.forEach((name, kinds) -> usages.produce(new DbSessionUsageBuildItem(name, kinds[0], kinds[1])));
    }

    private static DotName injectedType(Type type) {
        if (type.kind() == Type.Kind.PARAMETERIZED_TYPE && LAZY_WRAPPERS.contains(type.name())) {
            ParameterizedType parameterized = type.asParameterizedType();
            return parameterized.arguments().isEmpty() ? type.name() : parameterized.arguments().get(0).name();
        }
        return type.name();
    }

    private static String dataSourceName(InjectionPointInfo injectionPoint) {
        AnnotationInstance qualifier = injectionPoint.getRequiredQualifier(DATA_SOURCE);
        return qualifier == null ? DataSourceUtil.DEFAULT_DATASOURCE_NAME : qualifier.value().asString();
    }

    private static String unknownDataSource(InjectionPointInfo injectionPoint, DotName type, String name,
            Set<String> configured) {
        String what = DataSourceUtil.isDefault(name) ? "the default datasource" : "datasource '" + name + "'";
        String fix = DataSourceUtil.isDefault(name)
                ? "Configure quarkus.datasource.db-kind (and a JDBC driver extension such as quarkus-jdbc-postgresql)"
                : "Configure quarkus.datasource.\"" + name + "\".db-kind, or fix the name in @DataSource(\"" + name + "\")";
        return "SQLSpec: " + injectionPoint.getTargetInfo() + " injects " + type.withoutPackagePrefix() + " for " + what
                + ", which is not configured. Configured datasources: " + configured + ". " + fix + ".";
    }
}
