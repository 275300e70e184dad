package dev.rapport.crm.memory;

import dev.rapport.crm.TenantId;
import dev.rapport.crm.spi.CrmStore;
import dev.rapport.crm.spi.StoreTransaction;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.Lock;
import java.util.function.Function;

/**
 * The embedded default store: everything in the JVM's memory, nothing on disk. Thread-safe: per
 * tenant, writers run one at a time and readers see only committed data; tenants never share a
 * table. Every look-up the services make goes through an index, never a scan.
 *
 * <p>Fit for tests, demos and small tools. Production hosts use the JPA adapter.
 *
 * <pre>{@code
 * Crm crm = Crm.builder().store(new InMemoryStore()).build();   // the same as the default
 * }</pre>
 */
public final class InMemoryStore implements CrmStore {
    private final Map<TenantId, TenantData> tenants = new ConcurrentHashMap<>();

    /** Creates an empty store. */
    public InMemoryStore() {
    }

    TenantData data(TenantId tenant) {
        return tenants.computeIfAbsent(Objects.requireNonNull(tenant, "tenant"), t -> new TenantData());
    }

    @Override
    public <T> T write(TenantId tenant, Function<StoreTransaction, T> work) {
        TenantData data = data(tenant);
        Lock lock = data.lock.writeLock();
        lock.lock();
        try {
            MemoryTransaction tx = new MemoryTransaction(tenant, data, false);
            T result = work.apply(tx);
            tx.commit();
            return result;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public <T> T read(TenantId tenant, Function<StoreTransaction, T> work) {
        TenantData data = data(tenant);
        Lock lock = data.lock.readLock();
        lock.lock();
        try {
            return work.apply(new MemoryTransaction(tenant, data, true));
        } finally {
            lock.unlock();
        }
    }
}
