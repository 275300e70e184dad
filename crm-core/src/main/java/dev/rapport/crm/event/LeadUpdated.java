package dev.rapport.crm.event;

import dev.rapport.crm.EntityId;
import dev.rapport.crm.internal.Checks;
import dev.rapport.crm.lead.LeadId;
import java.util.List;
import java.util.Set;

/**
 * A lead's fields changed: an edit, a new owner, a score change, work started on it, or a
 * disqualified lead re-opened ({@code status} among the changed fields).
 *
 * <pre>{@code
 * crm.events().subscribe(LeadUpdated.class, e -> {
 *     if (e.changedFields().contains("score")) {
 *         router.rescore(e.leadId());
 *     }
 * });
 * }</pre>
 *
 * @param meta the event's id, tenant, time and actor
 * @param leadId the lead
 * @param changedFields the names of the fields that changed
 */
public record LeadUpdated(EventMeta meta, LeadId leadId, Set<String> changedFields) implements CrmEvent {
    /**
     * Validates the event.
     *
     * @param meta the event's id, tenant, time and actor
     * @param leadId the lead
     * @param changedFields the names of the fields that changed
     * @throws dev.rapport.crm.CrmValidationException if a required part is missing
     */
    public LeadUpdated {
        Checks.notNull(meta, "meta");
        Checks.notNull(leadId, "leadId");
        changedFields = Set.copyOf(Checks.notNull(changedFields, "changedFields"));
    }

    @Override
    public List<EntityId> subjects() {
        return Subjects.of(leadId);
    }
}
