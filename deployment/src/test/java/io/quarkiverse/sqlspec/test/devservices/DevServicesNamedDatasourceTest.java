package io.quarkiverse.sqlspec.test.devservices;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import io.quarkus.test.QuarkusUnitTest;

class DevServicesNamedDatasourceTest {

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .overrideConfigKey("quarkus.datasource.db-kind", "postgresql")
            .overrideConfigKey("quarkus.datasource.analytics.db-kind", "postgresql")
            .overrideConfigKey("quarkus.datasource.analytics.username", "reporter")
            .overrideConfigKey("quarkus.datasource.analytics.password", "s3cret");

    @Inject
    AgroalDataSource primary;

    @Inject
    @DataSource("analytics")
    AgroalDataSource analytics;

    @Test
    void namedDatasourceGetsItsOwnDatabaseAndUser() throws Exception {
        assertThat(query(analytics, "select current_database()")).isEqualTo("analytics");
        assertThat(query(analytics, "select current_user")).isEqualTo("reporter");
        assertThat(query(analytics, "select version()")).startsWith("PostgreSQL ");
        assertThat(query(primary, "select current_database()")).isEqualTo("quarkus");
    }

    @Test
    void datasourcesDoNotSeeEachOthersTables() throws Exception {
        execute(analytics, "create table if not exists only_in_analytics (id int)");
        assertThat(query(primary, "select count(*) from pg_tables where tablename = 'only_in_analytics'"))
                .isEqualTo("0");
        assertThat(query(analytics, "select count(*) from pg_tables where tablename = 'only_in_analytics'"))
                .isEqualTo("1");
    }

    static String query(AgroalDataSource dataSource, String sql) throws Exception {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            assertThat(rs.next()).isTrue();
            return rs.getString(1);
        }
    }

    static void execute(AgroalDataSource dataSource, String sql) throws Exception {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
