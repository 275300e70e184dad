package dev.rapport.crm.event;

import dev.rapport.crm.EntityId;
import dev.rapport.crm.internal.Checks;
import dev.rapport.crm.revenue.Money;
import dev.rapport.crm.sales.OpportunityId;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An opportunity was closed as won.
 *
 * <pre>{@code
 * crm.events().subscribe(OpportunityWon.class, e -> System.out.println(e.subjects()));
 * }</pre>
 *
 * @param meta the event's id, tenant, time and actor
 * @param opportunityId the opportunity
 * @param amount its amount when won, or null if it had none
 * @param reason the win reason, or null
 */
public record OpportunityWon(EventMeta meta, OpportunityId opportunityId, @Nullable Money amount, @Nullable String reason) implements CrmEvent {
    /**
     * Validates the event.
     *
     * @param meta the event's id, tenant, time and actor
     * @param opportunityId the opportunity
     * @param amount its amount when won, or null if it had none
     * @param reason the win reason, or null
     * @throws dev.rapport.crm.CrmValidationException if a required part is missing
     */
    public OpportunityWon {
        Checks.notNull(meta, "meta");
        Checks.notNull(opportunityId, "opportunityId");
    }

    @Override
    public List<EntityId> subjects() {
        return Subjects.of(opportunityId);
    }
}
