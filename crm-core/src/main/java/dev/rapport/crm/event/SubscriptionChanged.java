package dev.rapport.crm.event;

import dev.rapport.crm.EntityId;
import dev.rapport.crm.internal.Checks;
import dev.rapport.crm.revenue.Money;
import dev.rapport.crm.revenue.SubscriptionId;
import java.util.List;

/**
 * A subscription's plan or recurring revenue changed.
 *
 * <pre>{@code
 * crm.events().subscribe(SubscriptionChanged.class, e -> System.out.println(e.subjects()));
 * }</pre>
 *
 * @param meta the event's id, tenant, time and actor
 * @param subscriptionId the subscription
 * @param previousMrr the recurring revenue before
 * @param mrr the recurring revenue after
 */
public record SubscriptionChanged(EventMeta meta, SubscriptionId subscriptionId, Money previousMrr, Money mrr) implements CrmEvent {
    /**
     * Validates the event.
     *
     * @param meta the event's id, tenant, time and actor
     * @param subscriptionId the subscription
     * @param previousMrr the recurring revenue before
     * @param mrr the recurring revenue after
     * @throws dev.rapport.crm.CrmValidationException if a required part is missing
     */
    public SubscriptionChanged {
        Checks.notNull(meta, "meta");
        Checks.notNull(subscriptionId, "subscriptionId");
        Checks.notNull(previousMrr, "previousMrr");
        Checks.notNull(mrr, "mrr");
    }

    @Override
    public List<EntityId> subjects() {
        return Subjects.of(subscriptionId);
    }
}
