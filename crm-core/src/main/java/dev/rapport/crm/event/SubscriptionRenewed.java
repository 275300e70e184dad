package dev.rapport.crm.event;

import dev.rapport.crm.EntityId;
import dev.rapport.crm.internal.Checks;
import dev.rapport.crm.revenue.SubscriptionId;
import java.time.LocalDate;
import java.util.List;

/**
 * A subscription or contract was renewed.
 *
 * <pre>{@code
 * crm.events().subscribe(SubscriptionRenewed.class, e -> System.out.println(e.subjects()));
 * }</pre>
 *
 * @param meta the event's id, tenant, time and actor
 * @param subscriptionId the subscription
 * @param renewalDate the next renewal date
 */
public record SubscriptionRenewed(EventMeta meta, SubscriptionId subscriptionId, LocalDate renewalDate) implements CrmEvent {
    /**
     * Validates the event.
     *
     * @param meta the event's id, tenant, time and actor
     * @param subscriptionId the subscription
     * @param renewalDate the next renewal date
     * @throws dev.rapport.crm.CrmValidationException if a required part is missing
     */
    public SubscriptionRenewed {
        Checks.notNull(meta, "meta");
        Checks.notNull(subscriptionId, "subscriptionId");
        Checks.notNull(renewalDate, "renewalDate");
    }

    @Override
    public List<EntityId> subjects() {
        return Subjects.of(subscriptionId);
    }
}
