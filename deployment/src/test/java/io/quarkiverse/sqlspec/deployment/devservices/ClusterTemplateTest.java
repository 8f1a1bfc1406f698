package io.quarkiverse.sqlspec.deployment.devservices;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.function.UnaryOperator;

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

    @Test
    void aCopyStartsAsAPostgreSqlCluster() throws Exception {
        ClusterTemplate template = ClusterTemplate.in(root, Map.of("locale", "C"));
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
        ClusterTemplate template = ClusterTemplate.in(root, Map.of("locale", "C"));
        ClusterTemplate.delete(template.newDataDirectory(SETTINGS));
        Files.delete(template.directory().resolve("global/pg_control"));
        assertThat(template.isComplete()).isFalse();
        ClusterTemplate.delete(template.newDataDirectory(SETTINGS));
        assertThat(template.isComplete()).isTrue();
        assertThat(template.directory().resolve("global/pg_control")).exists();
    }

    @Test
    void aTemplateOfOtherBinariesOrSettingsDoesNotCount() throws Exception {
        ClusterTemplate template = ClusterTemplate.in(root, Map.of("locale", "C"));
        ClusterTemplate.delete(template.newDataDirectory(SETTINGS));
        Path marker = template.directory().resolve("sqlspec-template.properties");
        Files.writeString(marker, Files.readString(marker).replaceAll("binaries=.*", "binaries=an-older-release"));
        assertThat(template.isComplete()).isFalse();
        assertThat(ClusterTemplate.in(root, Map.of("locale", "en_US")).directory())
                .as("other settings, another template").isNotEqualTo(template.directory());
    }
}
