package io.quarkiverse.sqlspec.benchmark.app;

/** The row every variant returns. */
public record User(long id, String name, String email) {
}
