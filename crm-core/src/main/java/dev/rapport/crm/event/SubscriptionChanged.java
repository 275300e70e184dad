package dev.rapport.crm.event;

import dev.rapport.crm.EntityId;
import dev.rapport.crm.internal.Checks;
import dev.rapport.crm.revenue.Money;
import dev.rapport.crm.revenue.SubscriptionChangeKind;
import dev.rapport.crm.revenue.SubscriptionId;
import dev.rapport.crm.revenue.SubscriptionStatus;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A subscription's plan, recurring revenue or status changed: the plan or MRR changed, a trial
 * converted, it was paused, resumed, expired or reactivated. The kind says which MRR movement the
 * change recorded in the subscription's history; it is null when only the plan (or its price while
 * in a trial or paused) changed and no revenue moved. Cancellations are {@link SubscriptionCancelled}.
 *
 * <pre>{@code
 * crm.events().subscribe(SubscriptionChanged.class, e -> System.out.println(e.subjects()));
 * }</pre>
 *
 * @param meta the event's id, tenant, time and actor
 * @param subscriptionId the subscription
 * @param previousMrr the recurring revenue before
 * @param mrr the recurring revenue after
 * @param kind the movement recorded in the history, or null if none was
 * @param status the status after the change
 */
public record SubscriptionChanged(EventMeta meta, SubscriptionId subscriptionId, Money previousMrr, Money mrr,
        @Nullable SubscriptionChangeKind kind, SubscriptionStatus status) implements CrmEvent {
    /**
     * Validates the event.
     *
     * @param meta the event's id, tenant, time and actor
     * @param subscriptionId the subscription
     * @param previousMrr the recurring revenue before
     * @param mrr the recurring revenue after
     * @param kind the movement recorded in the history, or null if none was
     * @param status the status after the change
     * @throws dev.rapport.crm.CrmValidationException if a required part is missing
     */
    public SubscriptionChanged {
        Checks.notNull(meta, "meta");
        Checks.notNull(subscriptionId, "subscriptionId");
        Checks.notNull(previousMrr, "previousMrr");
        Checks.notNull(mrr, "mrr");
        Checks.notNull(status, "status");
    }

    @Override
    public List<EntityId> subjects() {
        return Subjects.of(subscriptionId);
    }
}
