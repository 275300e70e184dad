package dev.rapport.crm.event;

import dev.rapport.crm.EntityId;
import dev.rapport.crm.internal.Checks;
import dev.rapport.crm.revenue.SubscriptionId;
import java.time.LocalDate;
import java.util.List;

/**
 * A subscription or contract was cancelled.
 *
 * <pre>{@code
 * crm.events().subscribe(SubscriptionCancelled.class, e -> System.out.println(e.subjects()));
 * }</pre>
 *
 * @param meta the event's id, tenant, time and actor
 * @param subscriptionId the subscription
 * @param reason why
 * @param endDate the day the cancellation takes effect
 */
public record SubscriptionCancelled(EventMeta meta, SubscriptionId subscriptionId, String reason,
        LocalDate endDate) implements CrmEvent {
    /**
     * Validates the event.
     *
     * @param meta the event's id, tenant, time and actor
     * @param subscriptionId the subscription
     * @param reason why
     * @param endDate the day the cancellation takes effect
     * @throws dev.rapport.crm.CrmValidationException if a required part is missing
     */
    public SubscriptionCancelled {
        Checks.notNull(meta, "meta");
        Checks.notNull(subscriptionId, "subscriptionId");
        reason = Checks.nonBlank(reason, "reason");
        Checks.notNull(endDate, "endDate");
    }

    @Override
    public List<EntityId> subjects() {
        return Subjects.of(subscriptionId);
    }
}
