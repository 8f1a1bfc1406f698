package io.quarkiverse.sqlspec.runtime.database;

import java.util.Optional;
import java.util.function.Supplier;

import io.agroal.api.AgroalDataSource;
import io.quarkiverse.sqlspec.runtime.sql.SqlDialect;
import io.quarkus.agroal.runtime.AgroalDataSourceUtil;
import io.quarkus.arc.ActiveResult;
import io.quarkus.datasource.common.runtime.DataSourceUtil;
import io.vertx.sqlclient.Pool;

/**
 * What SQLSpec knows about one datasource at run time: its position in the fixed commit order, its pool, its
 * commit policy and its kind of database.
 */
public final class DataSourceRuntime {

    private final String name;
    private final int index;
    private final CommitPolicy policy;
    private final SqlDialect dialect;
    private final Supplier<AgroalDataSource> poolLookup;
    private volatile AgroalDataSource pool;
    /** Finds the reactive client's pool, {@code null} when db.async() runs on JDBC; see {@link #reactivePool()}. */
    private final Supplier<?> reactivePoolLookup;
    private volatile Optional<Pool> reactivePool;

    /**
     * @param poolLookup finds the pool when the datasource is first used; it fails the way Quarkus fails for an
     *        inactive datasource
     * @param reactivePoolLookup finds the pool ({@code io.vertx.sqlclient.Pool}) of the reactive PostgreSQL client that
     *        runs db.async() on the event loop (it returns {@code null} when the datasource has none), or {@code null}
     *        when db.async() uses JDBC
     */
    public DataSourceRuntime(String name, int index, CommitPolicy policy, SqlDialect dialect,
            Supplier<AgroalDataSource> poolLookup, Supplier<?> reactivePoolLookup) {
        this.reactivePoolLookup = reactivePoolLookup;
        this.name = name;
        this.index = index;
        this.policy = policy;
        this.dialect = dialect;
        this.poolLookup = poolLookup;
    }

    /** Whether the Agroal datasource of that name is active, and if not, Quarkus's reason (naming what to set). */
    public static ActiveResult checkActive(String name) {
        return AgroalDataSourceUtil.dataSourceInstance(name).getHandle().getBean().checkActive();
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

    public SqlDialect dialect() {
        return dialect;
    }

    /** The pool; looked up on first use, because a datasource that is configured but inactive may never be used. */
    public AgroalDataSource pool() {
        AgroalDataSource current = pool;
        if (current == null) {
            current = poolLookup.get();
            pool = current;
        }
        return current;
    }

    /**
     * The reactive client's pool that runs db.async() calls made on the event loop, or {@code null} when they run on
     * JDBC. Looked up on first use, like the JDBC pool.
     */
    Pool reactivePool() {
        if (reactivePoolLookup == null) {
            return null;
        }
        Optional<Pool> current = reactivePool;
        if (current == null) {
            current = Optional.ofNullable((Pool) reactivePoolLookup.get());
            reactivePool = current;
        }
        return current.orElse(null);
    }

    String describe() {
        return DataSourceUtil.isDefault(name) ? "the default datasource" : "datasource '" + name + "'";
    }
}
