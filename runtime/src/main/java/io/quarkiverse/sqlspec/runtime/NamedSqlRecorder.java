package io.quarkiverse.sqlspec.runtime;

import java.util.Map;

import io.quarkiverse.sqlspec.runtime.sql.NamedSqlRegistry;
import io.quarkus.runtime.annotations.Recorder;

/**
 * Records the named SQL statements read at build time.
 */
@Recorder
public class NamedSqlRecorder {

    public void register(Map<String, String> statements) {
        NamedSqlRegistry.register(statements);
    }
}
