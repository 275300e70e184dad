package dev.rapport.crm.jpa;

import dev.rapport.crm.spi.CrmStore;
import java.time.Duration;

/** With its cache on, the JPA store still passes the store contract (EclipseLink, H2). */
class H2EclipseLinkCachedStoreTest extends JpaStoreContract {
    @Override
    TestDatabase database() {
        return TestDatabase.H2;
    }

    private static final CrmStore STORE = JpaCrmStore.owning(TestDatabase.H2.factory(TestDatabase.Provider.ECLIPSELINK))
            .cache(1_000, Duration.ofMinutes(5)).build();

    @Override
    protected CrmStore newStore() {
        return STORE;
    }
}
