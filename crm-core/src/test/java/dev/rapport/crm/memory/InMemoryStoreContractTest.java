package dev.rapport.crm.memory;

import dev.rapport.crm.TenantId;
import dev.rapport.crm.governance.StoreScanner;
import dev.rapport.crm.spi.CrmStore;
import dev.rapport.crm.spi.CrmStoreContract;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The in-memory store passes the store contract that every store must pass. */
class InMemoryStoreContractTest extends CrmStoreContract {
    private static final InMemoryStore STORE = new InMemoryStore();

    @Override
    protected CrmStore newStore() {
        return STORE;
    }

    /** Searches all the tenant's data the store holds: rows and index keys (it keeps no events). */
    @Override
    protected List<String> placesHolding(TenantId tenant, List<String> values) {
        List<String> places = new ArrayList<>();
        for (String held : StoreScanner.strings(STORE.data(tenant))) {
            for (String value : values) {
                if (held.toLowerCase(Locale.ROOT).contains(value.toLowerCase(Locale.ROOT))) {
                    places.add(value + " in " + held.length() + " characters");
                }
            }
        }
        return places;
    }
}
