package dev.rapport.crm.event;

import dev.rapport.crm.EntityId;
import dev.rapport.crm.internal.Checks;
import dev.rapport.crm.sales.OpportunityId;
import java.util.List;
import java.util.Set;

/**
 * An opportunity's fields changed (amount, close date, owner, line items, contact roles, ...).
 *
 * <pre>{@code
 * crm.events().subscribe(OpportunityUpdated.class, e -> System.out.println(e.subjects()));
 * }</pre>
 *
 * @param meta the event's id, tenant, time and actor
 * @param opportunityId the opportunity
 * @param changedFields the names of the fields that changed
 */
public record OpportunityUpdated(EventMeta meta, OpportunityId opportunityId, Set<String> changedFields) implements CrmEvent {
    /**
     * Validates the event.
     *
     * @param meta the event's id, tenant, time and actor
     * @param opportunityId the opportunity
     * @param changedFields the names of the fields that changed
     * @throws dev.rapport.crm.CrmValidationException if a required part is missing
     */
    public OpportunityUpdated {
        Checks.notNull(meta, "meta");
        Checks.notNull(opportunityId, "opportunityId");
        changedFields = Set.copyOf(Checks.notNull(changedFields, "changedFields"));
    }

    @Override
    public List<EntityId> subjects() {
        return Subjects.of(opportunityId);
    }
}
