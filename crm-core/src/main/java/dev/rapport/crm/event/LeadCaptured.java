package dev.rapport.crm.event;

import dev.rapport.crm.EntityId;
import dev.rapport.crm.internal.Checks;
import dev.rapport.crm.lead.LeadId;
import dev.rapport.crm.lead.LeadSource;
import java.util.List;

/**
 * A lead was captured from a source.
 *
 * <pre>{@code
 * crm.events().subscribe(LeadCaptured.class, e -> System.out.println(e.subjects()));
 * }</pre>
 *
 * @param meta the event's id, tenant, time and actor
 * @param leadId the lead
 * @param source where it came from
 */
public record LeadCaptured(EventMeta meta, LeadId leadId, LeadSource source) implements CrmEvent {
    /**
     * Validates the event.
     *
     * @param meta the event's id, tenant, time and actor
     * @param leadId the lead
     * @param source where it came from
     * @throws dev.rapport.crm.CrmValidationException if a required part is missing
     */
    public LeadCaptured {
        Checks.notNull(meta, "meta");
        Checks.notNull(leadId, "leadId");
        Checks.notNull(source, "source");
    }

    @Override
    public List<EntityId> subjects() {
        return Subjects.of(leadId);
    }
}
