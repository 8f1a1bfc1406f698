package io.quarkiverse.sqlspec.test.devservices;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.QuarkusUnitTest;

class DevServicesDefaultDatasourceTest {

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .overrideConfigKey("quarkus.datasource.db-kind", "postgresql");

    @Inject
    AgroalDataSource dataSource;

    @Test
    void embeddedPostgresAnswersOnTheDefaultDatasource() throws Exception {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("select version(), current_database(), current_user")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).startsWith("PostgreSQL ");
            assertThat(rs.getString(2)).isEqualTo("quarkus");
            assertThat(rs.getString(3)).isEqualTo("quarkus");
        }
    }

    @Test
    void injectedUrlPointsAtLoopback() {
        String url = ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class);
        assertThat(url).startsWith("jdbc:postgresql://127.0.0.1:").endsWith("/quarkus");
    }
}
