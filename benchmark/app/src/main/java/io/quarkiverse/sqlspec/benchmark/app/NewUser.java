package io.quarkiverse.sqlspec.benchmark.app;

/** The body every variant accepts. */
public record NewUser(String name, String email) {
}
