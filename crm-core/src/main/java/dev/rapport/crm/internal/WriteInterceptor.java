package dev.rapport.crm.internal;

import dev.rapport.crm.spi.StoreTransaction;

/**
 * A cross-cutting concern that sees every command's store transaction: it may hand the command a
 * decorated view of the transaction (to audit each stored change, refuse erased identities or
 * writes a role may not make) and learns when the command committed. Installed once per CRM as
 * a shared component of the {@link ServiceContext}. Internal: not API.
 */
public interface WriteInterceptor {
    /** Does nothing: the transaction is used as it is. */
    WriteInterceptor NONE = new WriteInterceptor() {
        @Override
        public StoreTransaction begin(UnitOfWork uow, StoreTransaction tx) {
            return tx;
        }

        @Override
        public void committed(UnitOfWork uow) {
            // nothing to do
        }
    };

    /**
     * Called when a command starts, before its work runs.
     *
     * @param uow the command
     * @param tx the store's transaction
     * @return the transaction the command works on
     */
    StoreTransaction begin(UnitOfWork uow, StoreTransaction tx);

    /**
     * Called after the store committed the command, before its events are published.
     *
     * @param uow the command
     */
    void committed(UnitOfWork uow);

    /**
     * Called when a query (outside any command) starts.
     *
     * @param context the context the query runs in
     * @param tx the store's read-only transaction
     * @return the transaction the query reads from
     */
    default StoreTransaction read(ServiceContext context, StoreTransaction tx) {
        return tx;
    }
}
