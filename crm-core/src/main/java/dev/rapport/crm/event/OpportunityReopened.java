package dev.rapport.crm.event;

import dev.rapport.crm.EntityId;
import dev.rapport.crm.internal.Checks;
import dev.rapport.crm.sales.OpportunityId;
import java.util.List;

/**
 * A closed opportunity was reopened into an open stage.
 *
 * <pre>{@code
 * crm.events().subscribe(OpportunityReopened.class, e -> System.out.println(e.subjects()));
 * }</pre>
 *
 * @param meta the event's id, tenant, time and actor
 * @param opportunityId the opportunity
 * @param stage the open stage it re-entered
 */
public record OpportunityReopened(EventMeta meta, OpportunityId opportunityId, String stage) implements CrmEvent {
    /**
     * Validates the event.
     *
     * @param meta the event's id, tenant, time and actor
     * @param opportunityId the opportunity
     * @param stage the open stage it re-entered
     * @throws dev.rapport.crm.CrmValidationException if a required part is missing
     */
    public OpportunityReopened {
        Checks.notNull(meta, "meta");
        Checks.notNull(opportunityId, "opportunityId");
        stage = Checks.nonBlank(stage, "stage");
    }

    @Override
    public List<EntityId> subjects() {
        return Subjects.of(opportunityId);
    }
}
