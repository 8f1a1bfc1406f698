package io.quarkiverse.sqlspec.runtime.session;

import io.agroal.api.AgroalDataSource;
import io.quarkiverse.sqlspec.SqlSpecException;
import io.quarkus.agroal.runtime.AgroalDataSourceUtil;
import io.quarkus.arc.ClientProxy;
import io.quarkus.datasource.common.runtime.DataSourceUtil;

/**
 * What SQLSpec knows about one datasource at run time: its position in the fixed commit order, its pool and its
 * commit policy.
 */
public final class DataSourceRuntime {

    private final String name;
    private final int index;
    private final CommitPolicy policy;
    private volatile AgroalDataSource pool;

    DataSourceRuntime(String name, int index, CommitPolicy policy) {
        this.name = name;
        this.index = index;
        this.policy = policy;
    }

    public String name() {
        return name;
    }

    /** Position in the commit order: the default datasource first, then named ones alphabetically. */
    int index() {
        return index;
    }

    public CommitPolicy policy() {
        return policy;
    }

    /**
     * The Agroal pool, looked up on first use so that an inactive datasource only fails when it is used. The bean is
     * application-scoped: its client proxy is unwrapped once rather than resolved on every connection.
     */
    AgroalDataSource pool() {
        AgroalDataSource current = pool;
        if (current == null) {
            current = ClientProxy.unwrap(AgroalDataSourceUtil.dataSourceIfActive(name)
                    .orElseThrow(() -> new SqlSpecException(describe() + " is not active: configure "
                            + DataSourceUtil.dataSourcePropertyKey(name, "jdbc.url")
                            + " (or let Dev Services start a database in dev and test mode)")));
            pool = current;
        }
        return current;
    }

    String describe() {
        return DataSourceUtil.isDefault(name) ? "the default datasource" : "datasource '" + name + "'";
    }
}
