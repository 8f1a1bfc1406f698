package io.quarkiverse.sqlspec.test.devservices;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.QuarkusUnitTest;

class DevServicesSkippedWithUrlTest {

    static final String CONFIGURED_URL = "jdbc:postgresql://127.0.0.1:1/configured_by_user";

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .overrideConfigKey("quarkus.datasource.db-kind", "postgresql")
            .overrideConfigKey("quarkus.datasource.jdbc.url", CONFIGURED_URL)
            // the URL points nowhere on purpose: nothing may connect at startup
            .overrideConfigKey("quarkus.datasource.jdbc.initial-size", "0")
            .overrideConfigKey("quarkus.datasource.health.enabled", "false");

    @Inject
    AgroalDataSource dataSource;

    @Test
    void configuredUrlIsKept() {
        String url = dataSource.getConfiguration().connectionPoolConfiguration().connectionFactoryConfiguration()
                .jdbcUrl();
        assertThat(url).isEqualTo(CONFIGURED_URL);
    }
}
