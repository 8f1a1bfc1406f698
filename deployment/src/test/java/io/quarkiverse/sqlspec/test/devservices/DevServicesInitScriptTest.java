package io.quarkiverse.sqlspec.test.devservices;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;

import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.agroal.api.AgroalDataSource;
import io.quarkiverse.sqlspec.test.DbChecks;
import io.quarkus.test.QuarkusUnitTest;

/**
 * The default database comes ready-made with the cached cluster: it still counts as new, so the init script runs, and
 * a configured user other than Quarkus's default becomes its owner.
 */
class DevServicesInitScriptTest {

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClass(DbChecks.class)
                    .addAsResource(new StringAsset("CREATE TABLE seeded (note text);"
                            + " INSERT INTO seeded VALUES ('from the init script');"), "seed.sql"))
            .overrideConfigKey("quarkus.datasource.db-kind", "postgresql")
            .overrideConfigKey("quarkus.datasource.devservices.username", "app")
            .overrideConfigKey("quarkus.datasource.devservices.password", "secret")
            .overrideConfigKey("quarkus.datasource.devservices.init-script-path", "seed.sql");

    @Inject
    AgroalDataSource dataSource;

    @Test
    void theInitScriptRanAsTheConfiguredUserWhoOwnsTheDatabase() throws Exception {
        assertThat(DbChecks.text(dataSource, "SELECT note FROM seeded")).isEqualTo("from the init script");
        assertThat(DbChecks.text(dataSource, "SELECT current_database() || ' ' || current_user || ' '"
                + " || pg_get_userbyid(datdba) || ' ' || (SELECT tableowner FROM pg_tables WHERE tablename = 'seeded')"
                + " FROM pg_database WHERE datname = current_database()")).isEqualTo("quarkus app app app");
    }
}
