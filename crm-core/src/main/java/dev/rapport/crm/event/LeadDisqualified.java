package dev.rapport.crm.event;

import dev.rapport.crm.EntityId;
import dev.rapport.crm.internal.Checks;
import dev.rapport.crm.lead.LeadId;
import java.util.List;

/**
 * A lead was disqualified with a reason.
 *
 * <pre>{@code
 * crm.events().subscribe(LeadDisqualified.class, e -> System.out.println(e.subjects()));
 * }</pre>
 *
 * @param meta the event's id, tenant, time and actor
 * @param leadId the lead
 * @param reason why
 */
public record LeadDisqualified(EventMeta meta, LeadId leadId, String reason) implements CrmEvent {
    /**
     * Validates the event.
     *
     * @param meta the event's id, tenant, time and actor
     * @param leadId the lead
     * @param reason why
     * @throws dev.rapport.crm.CrmValidationException if a required part is missing
     */
    public LeadDisqualified {
        Checks.notNull(meta, "meta");
        Checks.notNull(leadId, "leadId");
        reason = Checks.nonBlank(reason, "reason");
    }

    @Override
    public List<EntityId> subjects() {
        return Subjects.of(leadId);
    }
}
