package dev.rapport.crm.spi;

import dev.rapport.crm.TenantId;
import java.util.function.Function;

/**
 * The persistence port: runs units of work for one tenant. All changes made through the
 * {@link StoreTransaction} of one {@link #write} call are applied together or not at all; a unit
 * of work that throws leaves the store exactly as it was.
 *
 * <p>The in-memory default is {@link dev.rapport.crm.memory.InMemoryStore}; the JPA adapter
 * provides another.
 *
 * <pre>{@code
 * long contacts = store.read(TenantId.DEFAULT, tx -> tx.contacts().count());
 * }</pre>
 */
public interface CrmStore {
    /**
     * Runs a unit of work that may change data, atomically.
     *
     * @param tenant the tenant whose data the work sees and changes
     * @param work the work
     * @param <T> the result type
     * @return the work's result
     * @throws RuntimeException whatever the work throws, after undoing its changes
     */
    <T> T write(TenantId tenant, Function<StoreTransaction, T> work);

    /**
     * Runs a read-only unit of work on a consistent view of the tenant's data.
     *
     * @param tenant the tenant whose data the work sees
     * @param work the work; its attempts to write fail with {@link IllegalStateException}
     * @param <T> the result type
     * @return the work's result
     */
    <T> T read(TenantId tenant, Function<StoreTransaction, T> work);
}
