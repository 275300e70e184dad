package dev.rapport.crm.jpa;

import dev.rapport.crm.TenantId;
import dev.rapport.crm.spi.CrmStoreContract;
import java.util.List;

/**
 * The store contract on a database: the erasure tests search every column of every table of the
 * adapter (child tables, the outbox and any table a later script adds) for the erased values.
 */
abstract class JpaStoreContract extends CrmStoreContract {
    /**
     * The database the store under test runs on.
     *
     * @return the database
     */
    abstract TestDatabase database();

    @Override
    protected List<String> placesHolding(TenantId tenant, List<String> values) {
        return database().placesHolding(tenant.value(), values);
    }
}
