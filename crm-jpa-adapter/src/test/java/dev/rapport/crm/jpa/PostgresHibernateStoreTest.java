package dev.rapport.crm.jpa;

import dev.rapport.crm.spi.CrmStore;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The JPA store passes the store contract with Hibernate on PostgreSQL, when the system property
 * {@value TestDatabase#POSTGRES_URL} names the database (Maven profile {@code databases}).
 */
@EnabledIfSystemProperty(named = TestDatabase.POSTGRES_URL, matches = ".+")
class PostgresHibernateStoreTest extends JpaStoreContract {
    @Override
    TestDatabase database() {
        return TestDatabase.POSTGRESQL;
    }

    @Override
    protected CrmStore newStore() {
        return JpaCrmStore.owning(TestDatabase.POSTGRESQL.factory(TestDatabase.Provider.HIBERNATE)).build();
    }
}
