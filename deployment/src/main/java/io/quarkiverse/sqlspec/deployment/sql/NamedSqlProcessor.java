package io.quarkiverse.sqlspec.deployment.sql;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.inject.Singleton;

import io.quarkiverse.sqlspec.deployment.ApplicationSqlFiles;
import io.quarkiverse.sqlspec.runtime.sql.NamedSqlFile;
import io.quarkiverse.sqlspec.runtime.sql.NamedSqlRecorder;
import io.quarkiverse.sqlspec.runtime.sql.NamedSqlRegistry;
import io.quarkus.arc.deployment.SyntheticBeanBuildItem;
import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.annotations.ExecutionTime;
import io.quarkus.deployment.annotations.Record;
import io.quarkus.deployment.builditem.ApplicationArchivesBuildItem;
import io.quarkus.deployment.builditem.HotDeploymentWatchedFileBuildItem;
import io.quarkus.runtime.configuration.ConfigurationException;

/**
 * Reads the named SQL statements of {@code src/main/resources/sql/**}{@code /*.sql} at build time, so that a duplicate
 * name or an unterminated quote fails the build rather than a request.
 */
class NamedSqlProcessor {

    static final String SQL_DIRECTORY = "sql";

    @BuildStep
    NamedSqlStatementsBuildItem readNamedStatements(ApplicationArchivesBuildItem archives,
            BuildProducer<HotDeploymentWatchedFileBuildItem> watched) {
        Map<String, List<NamedSqlFile.Statement>> byFile = new TreeMap<>();
        ApplicationSqlFiles.forEach(archives, SQL_DIRECTORY, (path, content) -> byFile.put(path, parse(path, content)));
        watched.produce(HotDeploymentWatchedFileBuildItem.builder()
                .setLocationPredicate(location -> location.startsWith(SQL_DIRECTORY + "/") && location.endsWith(".sql"))
                .build());
        try {
            return new NamedSqlStatementsBuildItem(NamedSqlFile.merge(byFile));
        } catch (NamedSqlFile.InvalidSqlFileException e) {
            throw new ConfigurationException("SQLSpec: " + e.getMessage());
        }
    }

    @BuildStep
    @Record(ExecutionTime.STATIC_INIT)
    SyntheticBeanBuildItem namedSqlRegistry(NamedSqlRecorder recorder, NamedSqlStatementsBuildItem statements) {
        return SyntheticBeanBuildItem.configure(NamedSqlRegistry.class)
                .scope(Singleton.class)
                .unremovable()
                .supplier(recorder.registry(statements.statements()))
                .done();
    }

    private static List<NamedSqlFile.Statement> parse(String file, String content) {
        try {
            return NamedSqlFile.parse(file, content);
        } catch (NamedSqlFile.InvalidSqlFileException e) {
            throw new ConfigurationException("SQLSpec: " + e.getMessage());
        }
    }
}
