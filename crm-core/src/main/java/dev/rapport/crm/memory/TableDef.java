package dev.rapport.crm.memory;

import dev.rapport.crm.Aggregate;
import dev.rapport.crm.EntityId;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The definition of one in-memory table: its entity type name and its secondary indexes.
 * Definitions are constants, so a tenant's tables can be created lazily by definition.
 *
 * @param type the entity type name, e.g. {@code "Contact"}, used in errors
 * @param indexes the secondary indexes
 * @param slot the definition's number, unique in the process
 * @param <I> the id type
 * @param <T> the aggregate type
 */
record TableDef<I extends EntityId, T extends Aggregate<I>>(String type, List<IndexDef<T>> indexes, int slot) {
    /** Slots handed out to definitions, so a transaction keeps its table views in an array. */
    private static final AtomicInteger SLOTS = new AtomicInteger();

    static <I extends EntityId, T extends Aggregate<I>> TableDef<I, T> of(String type, List<IndexDef<T>> indexes) {
        return new TableDef<>(type, List.copyOf(indexes), SLOTS.getAndIncrement());
    }

    /** Definitions are constants: compared by identity, which keeps hashing one off every read. */
    @Override
    public boolean equals(Object other) {
        return this == other;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}
