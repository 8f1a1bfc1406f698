package io.quarkiverse.sqlspec.test.devservices;

import static org.assertj.core.api.Assertions.assertThat;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;
import io.quarkus.test.QuarkusUnitTest;

class DevServicesDisabledTest {

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .overrideConfigKey("quarkus.datasource.db-kind", "postgresql")
            .overrideConfigKey("quarkus.sqlspec.devservices.enabled", "false");

    @Test
    void noServerIsStartedAndTheDatasourceStaysInactive() {
        assertThat(ConfigProvider.getConfig().getOptionalValue("quarkus.datasource.jdbc.url", String.class))
                .isEmpty();
        assertThat(Arc.container().select(AgroalDataSource.class).getHandle().getBean().checkActive().value())
                .isFalse();
    }
}
