package io.quarkiverse.sqlspec.runtime.reactive;

import java.util.function.Supplier;

import io.quarkus.arc.ClientProxy;
import io.quarkus.reactive.datasource.runtime.ReactiveDataSourceUtil;
import io.vertx.sqlclient.Pool;

/**
 * Finds the reactive client's pools. Its own class, called only when the application has the client: the recorder
 * that calls it is inspected at build time by applications without it, so no signature there may name a client type.
 */
public final class ReactivePools {

    private ReactivePools() {
    }

    /**
     * @param required whether the pool was asked for explicitly: an inactive one then fails with Quarkus's own message
     *        (which names the property to set); otherwise the lookup gives {@code null} and db.async() uses JDBC
     */
    public static Supplier<Pool> lookup(String dataSource, boolean required) {
        if (required) {
            return () -> ClientProxy.unwrap(ReactiveDataSourceUtil.dataSourceInstance(dataSource).get());
        }
        return () -> ReactiveDataSourceUtil.dataSourceIfActive(dataSource).map(ClientProxy::unwrap).orElse(null);
    }
}
