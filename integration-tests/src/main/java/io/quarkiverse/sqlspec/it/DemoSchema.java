package io.quarkiverse.sqlspec.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import io.quarkiverse.sqlspec.SqlSpec;
import io.quarkus.runtime.StartupEvent;

/**
 * Creates the demo tables when the application starts (idempotent), each in its own transaction. Instances that
 * start together on an empty database take turns: {@code CREATE TABLE IF NOT EXISTS} alone collides in PostgreSQL's
 * catalog when two run at the same instant.
 */
@Singleton
public class DemoSchema {

    void create(@Observes StartupEvent startup, SqlSpec sqlspec) {
        sqlspec.inTransaction(SqlSpec.DEFAULT_DATASOURCE, db -> {
            db.execute("SELECT pg_advisory_xact_lock(hashtext('demo-schema'))");
            db.executeScript(read("schema.sql"));
            // the demo account of SQLSpec's session example: alice / secret
            db.execute("INSERT INTO accounts (username, password_hash) VALUES ($1, $2) ON CONFLICT DO NOTHING",
                    "alice", Passwords.hash("secret"));
        });
        sqlspec.inTransaction("analytics", db -> {
            db.execute("SELECT pg_advisory_xact_lock(hashtext('demo-schema'))");
            db.executeScript(read("analytics-schema.sql"));
        });
    }

    static String read(String resource) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the application");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
