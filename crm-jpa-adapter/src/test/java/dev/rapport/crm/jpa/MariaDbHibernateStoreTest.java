package dev.rapport.crm.jpa;

import dev.rapport.crm.spi.CrmStore;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The JPA store passes the store contract with Hibernate on MariaDB, when the system property
 * {@value TestDatabase#MARIADB_URL} names the database (Maven profile {@code databases}).
 */
@EnabledIfSystemProperty(named = TestDatabase.MARIADB_URL, matches = ".+")
class MariaDbHibernateStoreTest extends JpaStoreContract {
    @Override
    TestDatabase database() {
        return TestDatabase.MARIADB;
    }

    @Override
    protected CrmStore newStore() {
        return JpaCrmStore.owning(TestDatabase.MARIADB.factory(TestDatabase.Provider.HIBERNATE)).build();
    }
}
