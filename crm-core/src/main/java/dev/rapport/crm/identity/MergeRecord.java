package dev.rapport.crm.identity;

import dev.rapport.crm.Actor;
import dev.rapport.crm.Aggregate;
import dev.rapport.crm.CrmValidationException;
import dev.rapport.crm.EntityId;
import dev.rapport.crm.TenantId;
import dev.rapport.crm.internal.Checks;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;

/**
 * The record of one merge: who merged which loser into which survivor, when, which of the
 * survivor's fields changed, and which records were relinked from the loser to the survivor.
 * Merge records are kept, so a loser's id can still be resolved to its survivor
 * ({@link DuplicateService#survivorOf(dev.rapport.crm.party.ContactId)}).
 *
 * <pre>{@code
 * MergeRecord merge = crm.duplicates().mergeContacts(keep.id(), drop.id());
 * merge.changedFields();   // e.g. [emails, title]
 * merge.relinked();        // e.g. [OpportunityId[value=o-7], AccountId[value=a-2]]
 * }</pre>
 *
 * @param id the id
 * @param tenantId the tenant
 * @param version the version, always 1 (merge records are never changed)
 * @param survivorId the record that remains (a {@code ContactId} or an {@code AccountId})
 * @param loserId the record that was merged into it and removed, of the same type
 * @param mergedAt when
 * @param actor who merged
 * @param changedFields the names of the survivor's fields the merge changed
 * @param relinked the records that pointed to the loser and now point to the survivor
 */
public record MergeRecord(MergeId id, TenantId tenantId, long version, EntityId survivorId, EntityId loserId,
        Instant mergedAt, Actor actor, Set<String> changedFields, Set<EntityId> relinked)
        implements Aggregate<MergeId> {

    /**
     * Validates the record.
     *
     * @param id the id
     * @param tenantId the tenant
     * @param version the version, always 1 (merge records are never changed)
     * @param survivorId the record that remains (a {@code ContactId} or an {@code AccountId})
     * @param loserId the record that was merged into it and removed, of the same type
     * @param mergedAt when
     * @param actor who merged
     * @param changedFields the names of the survivor's fields the merge changed
     * @param relinked the records that pointed to the loser and now point to the survivor
     * @throws CrmValidationException naming the field if a part is missing or the two ids are
     *     equal or of different types
     */
    public MergeRecord {
        Checks.notNull(id, "id");
        Checks.notNull(tenantId, "tenantId");
        Checks.version(version);
        Checks.notNull(survivorId, "survivorId");
        Checks.notNull(loserId, "loserId");
        if (survivorId.equals(loserId)) {
            throw new CrmValidationException("loserId", "must differ from the survivor");
        }
        if (survivorId.getClass() != loserId.getClass()) {
            throw new CrmValidationException("loserId", "must be of the survivor's type");
        }
        Checks.notNull(mergedAt, "mergedAt");
        Checks.notNull(actor, "actor");
        changedFields = java.util.Collections.unmodifiableSet(new TreeSet<>(Checks.list(changedFields,
                "changedFields")));
        relinked = Set.copyOf(Checks.list(relinked, "relinked"));
    }
}
