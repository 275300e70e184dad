package dev.rapport.crm.event;

import dev.rapport.crm.EntityId;
import dev.rapport.crm.internal.Checks;
import dev.rapport.crm.lead.LeadId;
import java.util.List;

/**
 * A lead was qualified.
 *
 * <pre>{@code
 * crm.events().subscribe(LeadQualified.class, e -> System.out.println(e.subjects()));
 * }</pre>
 *
 * @param meta the event's id, tenant, time and actor
 * @param leadId the lead
 */
public record LeadQualified(EventMeta meta, LeadId leadId) implements CrmEvent {
    /**
     * Validates the event.
     *
     * @param meta the event's id, tenant, time and actor
     * @param leadId the lead
     * @throws dev.rapport.crm.CrmValidationException if a required part is missing
     */
    public LeadQualified {
        Checks.notNull(meta, "meta");
        Checks.notNull(leadId, "leadId");
    }

    @Override
    public List<EntityId> subjects() {
        return Subjects.of(leadId);
    }
}
