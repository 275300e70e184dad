package dev.rapport.crm.event;

import dev.rapport.crm.CrmValidationException;
import dev.rapport.crm.EntityId;
import dev.rapport.crm.identity.MergeId;
import dev.rapport.crm.internal.Checks;
import dev.rapport.crm.party.AccountId;
import java.util.List;
import java.util.Set;

/**
 * Two accounts were merged: the loser was removed, and everything that pointed to it now points to
 * the survivor. The merge's details are in its {@link dev.rapport.crm.identity.MergeRecord}.
 *
 * <pre>{@code
 * crm.events().subscribe(AccountsMerged.class, e -> mirror.redirect(e.loserId(), e.survivorId()));
 * }</pre>
 *
 * @param meta the event's id, tenant, time and actor
 * @param mergeId the merge record
 * @param survivorId the account that remains
 * @param loserId the account that was merged into it and removed
 * @param changedFields the names of the survivor's fields the merge changed
 */
public record AccountsMerged(EventMeta meta, MergeId mergeId, AccountId survivorId, AccountId loserId,
        Set<String> changedFields) implements CrmEvent {
    /**
     * Validates the event.
     *
     * @param meta the event's id, tenant, time and actor
     * @param mergeId the merge record
     * @param survivorId the account that remains
     * @param loserId the account that was merged into it and removed
     * @param changedFields the names of the survivor's fields the merge changed
     * @throws CrmValidationException if a required part is missing
     */
    public AccountsMerged {
        Checks.notNull(meta, "meta");
        Checks.notNull(mergeId, "mergeId");
        Checks.notNull(survivorId, "survivorId");
        Checks.notNull(loserId, "loserId");
        changedFields = Set.copyOf(Checks.notNull(changedFields, "changedFields"));
    }

    @Override
    public List<EntityId> subjects() {
        return Subjects.of(survivorId, loserId, mergeId);
    }
}
