package dev.rapport.crm.event;

import dev.rapport.crm.EntityId;
import dev.rapport.crm.internal.Checks;
import dev.rapport.crm.sales.OpportunityId;
import java.util.List;

/**
 * An opportunity was closed as lost.
 *
 * <pre>{@code
 * crm.events().subscribe(OpportunityLost.class, e -> System.out.println(e.subjects()));
 * }</pre>
 *
 * @param meta the event's id, tenant, time and actor
 * @param opportunityId the opportunity
 * @param reason the loss reason
 */
public record OpportunityLost(EventMeta meta, OpportunityId opportunityId, String reason) implements CrmEvent {
    /**
     * Validates the event.
     *
     * @param meta the event's id, tenant, time and actor
     * @param opportunityId the opportunity
     * @param reason the loss reason
     * @throws dev.rapport.crm.CrmValidationException if a required part is missing
     */
    public OpportunityLost {
        Checks.notNull(meta, "meta");
        Checks.notNull(opportunityId, "opportunityId");
        reason = Checks.nonBlank(reason, "reason");
    }

    @Override
    public List<EntityId> subjects() {
        return Subjects.of(opportunityId);
    }
}
