package dev.rapport.crm.identity;

import dev.rapport.crm.EntityId;
import dev.rapport.crm.spi.AggregateStore;
import java.util.List;
import java.util.Optional;

/**
 * The store port for merge records, with the indexed look-ups identity resolution needs.
 *
 * <pre>{@code
 * Optional<MergeRecord> merge = tx.mergeRecords().findByLoser(oldContactId);
 * }</pre>
 */
public interface MergeRecordStore extends AggregateStore<MergeId, MergeRecord> {
    /**
     * The merge that removed a record (at most one: a record is removed once).
     *
     * @param loserId the removed record's id
     * @return the merge, or empty
     */
    Optional<MergeRecord> findByLoser(EntityId loserId);

    /**
     * The merges into a record, ordered by id.
     *
     * @param survivorId the surviving record's id
     * @return the merges
     */
    List<MergeRecord> findBySurvivor(EntityId survivorId);
}
