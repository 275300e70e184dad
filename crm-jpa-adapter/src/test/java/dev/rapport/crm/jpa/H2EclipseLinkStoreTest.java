package dev.rapport.crm.jpa;

import dev.rapport.crm.spi.CrmStore;

/** The JPA store passes the store contract with EclipseLink on H2. */
class H2EclipseLinkStoreTest extends JpaStoreContract {
    @Override
    TestDatabase database() {
        return TestDatabase.H2;
    }

    @Override
    protected CrmStore newStore() {
        return JpaCrmStore.owning(TestDatabase.H2.factory(TestDatabase.Provider.ECLIPSELINK)).build();
    }
}
