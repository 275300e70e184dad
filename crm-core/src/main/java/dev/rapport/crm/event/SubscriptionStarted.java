package dev.rapport.crm.event;

import dev.rapport.crm.EntityId;
import dev.rapport.crm.internal.Checks;
import dev.rapport.crm.party.AccountId;
import dev.rapport.crm.revenue.Money;
import dev.rapport.crm.revenue.SubscriptionId;
import java.util.List;

/**
 * A subscription or contract started.
 *
 * <pre>{@code
 * crm.events().subscribe(SubscriptionStarted.class, e -> System.out.println(e.subjects()));
 * }</pre>
 *
 * @param meta the event's id, tenant, time and actor
 * @param subscriptionId the subscription
 * @param accountId the customer account
 * @param mrr its monthly recurring revenue
 */
public record SubscriptionStarted(EventMeta meta, SubscriptionId subscriptionId, AccountId accountId, Money mrr) implements CrmEvent {
    /**
     * Validates the event.
     *
     * @param meta the event's id, tenant, time and actor
     * @param subscriptionId the subscription
     * @param accountId the customer account
     * @param mrr its monthly recurring revenue
     * @throws dev.rapport.crm.CrmValidationException if a required part is missing
     */
    public SubscriptionStarted {
        Checks.notNull(meta, "meta");
        Checks.notNull(subscriptionId, "subscriptionId");
        Checks.notNull(accountId, "accountId");
        Checks.notNull(mrr, "mrr");
    }

    @Override
    public List<EntityId> subjects() {
        return Subjects.of(subscriptionId, accountId);
    }
}
