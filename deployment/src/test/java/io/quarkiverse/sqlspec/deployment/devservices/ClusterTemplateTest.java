package io.quarkiverse.sqlspec.deployment.devservices;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The cached cluster Dev Services copy instead of running initdb: made once, copied for every start, and made again
 * when it is incomplete or was made with other binaries or settings. Real PostgreSQL starts on the copies.
 */
class ClusterTemplateTest {

    static final UnaryOperator<EmbeddedPostgres.Builder> SETTINGS = builder -> builder
            .setServerConfig("listen_addresses", "127.0.0.1").setLocaleConfig("locale", "C");

    @TempDir
    Path root;

    /** Every template a test made: their spares are made in the background and must be done before the cleanup. */
    private final List<ClusterTemplate> templates = new ArrayList<>();

    @AfterEach
    void waitForSpares() {
        templates.forEach(ClusterTemplate::discardSpare);
    }

    private ClusterTemplate template(Map<String, String> settings, List<String> setup) {
        ClusterTemplate template = ClusterTemplate.in(root, settings, setup);
        templates.add(template);
        return template;
    }

    @Test
    void aCopyStartsAsAPostgreSqlCluster() throws Exception {
        ClusterTemplate template = template(Map.of("locale", "C"), List.of());
        assertThat(template.isComplete()).isFalse();
        Path copy = template.newDataDirectory(SETTINGS);
        assertThat(template.isComplete()).isTrue();
        assertThat(copy).isNotEqualTo(template.directory());
        assertThat(copy.resolve("PG_VERSION")).exists();
        assertThat(copy.resolve("sqlspec-template.properties")).doesNotExist();
        try (EmbeddedPostgres postgres = SETTINGS.apply(EmbeddedPostgres.builder()).setDataDirectory(copy)
                .setCleanDataDirectory(false).start();
                Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT datcollate FROM pg_database WHERE datname = 'postgres'")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("C");
        } finally {
            ClusterTemplate.delete(copy);
        }
        assertThat(template.directory().resolve("postmaster.pid")).as("the template itself never runs").doesNotExist();
    }

    @Test
    void anIncompleteTemplateIsMadeAgain() throws Exception {
        ClusterTemplate template = template(Map.of("locale", "C"), List.of());
        ClusterTemplate.delete(template.newDataDirectory(SETTINGS));
        Files.delete(template.directory().resolve("global/pg_control"));
        assertThat(template.isComplete()).isFalse();
        ClusterTemplate.delete(template.newDataDirectory(SETTINGS));
        assertThat(template.isComplete()).isTrue();
        assertThat(template.directory().resolve("global/pg_control")).exists();
    }

    @Test
    void aTemplateOfOtherBinariesOrSettingsDoesNotCount() throws Exception {
        ClusterTemplate template = template(Map.of("locale", "C"), List.of());
        ClusterTemplate.delete(template.newDataDirectory(SETTINGS));
        Path marker = template.directory().resolve("sqlspec-template.properties");
        Files.writeString(marker, Files.readString(marker).replaceAll("binaries=.*", "binaries=an-older-release"));
        assertThat(template.isComplete()).isFalse();
        assertThat(ClusterTemplate.in(root, Map.of("locale", "en_US")).directory())
                .as("other settings, another template").isNotEqualTo(template.directory());
    }

    @Test
    void setupIsMadeOnceOnTheTemplateAndComesWithEveryCopy() throws Exception {
        ClusterTemplate template = template(Map.of("locale", "C"),
                List.of("CREATE ROLE baker LOGIN", "CREATE DATABASE baked OWNER baker"));
        assertThat(template.directory()).as("the setup is part of the identity")
                .isNotEqualTo(ClusterTemplate.in(root, Map.of("locale", "C")).directory());
        Path copy = template.newDataDirectory(SETTINGS);
        try {
            assertThat(ownerOf(copy, "baked")).isEqualTo("baker");
        } finally {
            ClusterTemplate.delete(copy);
        }
    }

    @Test
    void theNextStartTakesTheSpareCopy() throws Exception {
        ClusterTemplate template = template(Map.of("locale", "C"), List.of());
        Path first = template.newDataDirectory(SETTINGS);
        template.awaitSpare();
        Path spare = root.resolve(template.directory().getFileName() + "-spare");
        assertThat(spare.resolve("PG_VERSION")).exists();
        assertThat(spare.resolve("sqlspec-template.properties")).doesNotExist();
        Files.writeString(spare.resolve("spare-mark"), "taken");
        Path second = template.newDataDirectory(SETTINGS);
        try {
            assertThat(second.resolve("spare-mark")).as("the spare, renamed").exists();
            template.awaitSpare();
            assertThat(spare.resolve("spare-mark")).as("a new spare for the start after").doesNotExist();
            assertThat(ownerOf(second, "postgres")).isEqualTo("postgres");
        } finally {
            ClusterTemplate.delete(first);
            ClusterTemplate.delete(second);
        }
    }

    @Test
    void aSpareThatLostFilesIsNotUsed() throws Exception {
        ClusterTemplate template = template(Map.of("locale", "C"), List.of());
        ClusterTemplate.delete(template.newDataDirectory(SETTINGS));
        template.awaitSpare();
        Path spare = root.resolve(template.directory().getFileName() + "-spare");
        Files.delete(spare.resolve("global/pg_control"));
        Path copy = template.newDataDirectory(SETTINGS);
        try {
            assertThat(copy.resolve("global/pg_control")).exists();
            assertThat(ownerOf(copy, "postgres")).isEqualTo("postgres");
        } finally {
            ClusterTemplate.delete(copy);
        }
    }

    /** Starts PostgreSQL on {@code cluster} and reads who owns {@code database}. */
    private static String ownerOf(Path cluster, String database) throws Exception {
        try (EmbeddedPostgres postgres = SETTINGS.apply(EmbeddedPostgres.builder()).setDataDirectory(cluster)
                .setCleanDataDirectory(false).start();
                Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = '"
                        + database + "'")) {
            return rs.next() ? rs.getString(1) : null;
        }
    }
}
