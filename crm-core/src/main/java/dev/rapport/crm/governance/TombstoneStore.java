package dev.rapport.crm.governance;

import dev.rapport.crm.spi.AggregateStore;

/**
 * The store port for tombstones. A tombstone is found by its id (the keyed hash of the
 * identifier), so no secondary index is needed.
 *
 * <pre>{@code
 * boolean erased = tx.tombstones().find(id).isPresent();
 * }</pre>
 */
public interface TombstoneStore extends AggregateStore<TombstoneId, Tombstone> {
}
