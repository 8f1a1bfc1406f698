package io.quarkiverse.sqlspec.runtime.sql;

import java.util.Map;
import java.util.function.Supplier;

import io.quarkus.runtime.annotations.Recorder;

/**
 * Records the registry of the named SQL statements read at build time.
 */
@Recorder
public class NamedSqlRecorder {

    public Supplier<NamedSqlRegistry> registry(Map<String, String> statements) {
        return () -> new NamedSqlRegistry(statements);
    }
}
