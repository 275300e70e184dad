package dev.rapport.crm.memory;

import dev.rapport.crm.Aggregate;
import dev.rapport.crm.EntityId;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/** One tenant's tables and the lock that serializes its writers against its readers. */
final class TenantData {
    final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final Map<TableDef<?, ?>, Table<?, ?>> tables = new ConcurrentHashMap<>();

    @SuppressWarnings("unchecked")
    <I extends EntityId, T extends Aggregate<I>> Table<I, T> table(TableDef<I, T> def) {
        return (Table<I, T>) tables.computeIfAbsent(def, d -> new Table<>(def));
    }
}
