package dev.rapport.crm.memory;

import dev.rapport.crm.spi.CrmStore;
import dev.rapport.crm.spi.CrmStoreContract;

/** The in-memory store passes the store contract that every store must pass. */
class InMemoryStoreContractTest extends CrmStoreContract {
    private static final CrmStore STORE = new InMemoryStore();

    @Override
    protected CrmStore newStore() {
        return STORE;
    }
}
