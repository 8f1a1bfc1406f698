package io.quarkiverse.sqlspec.runtime.database;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * The connections used inside an active JTA transaction ({@code @Transactional}). Agroal enlists them, the JTA
 * transaction commits or rolls them back, and they go back to the pool after it completes. Only touched when the
 * application has the transactions capability (quarkus-narayana-jta).
 */
final class JtaScope extends ConnectionScope {

    private static final String KEY = JtaScope.class.getName();

    private JtaScope(int dataSourceCount) {
        super(dataSourceCount, ManagedConnection.Mode.JTA);
    }

    /** The scope of the JTA transaction active on this thread, or {@code null} when there is none. */
    static JtaScope current(TransactionSynchronizationRegistry transactions, int dataSourceCount) {
        if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            return null;
        }
        JtaScope scope = (JtaScope) transactions.getResource(KEY);
        if (scope == null) {
            JtaScope created = new JtaScope(dataSourceCount);
            transactions.putResource(KEY, created);
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    created.release();
                }
            });
            scope = created;
        }
        return scope;
    }
}
