package dev.rapport.crm.event;

import dev.rapport.crm.EntityId;
import dev.rapport.crm.internal.Checks;
import dev.rapport.crm.revenue.SubscriptionId;
import java.util.List;
import java.util.Set;

/**
 * A subscription's descriptive fields changed (contact, plan name, contract value, custom fields);
 * changes of revenue and status are {@link SubscriptionChanged}.
 *
 * <pre>{@code
 * crm.events().subscribe(SubscriptionUpdated.class, e -> System.out.println(e.changedFields()));
 * }</pre>
 *
 * @param meta the event's id, tenant, time and actor
 * @param subscriptionId the subscription
 * @param changedFields the names of the fields that changed
 */
public record SubscriptionUpdated(EventMeta meta, SubscriptionId subscriptionId, Set<String> changedFields)
        implements CrmEvent {
    /**
     * Validates the event.
     *
     * @param meta the event's id, tenant, time and actor
     * @param subscriptionId the subscription
     * @param changedFields the names of the fields that changed
     * @throws dev.rapport.crm.CrmValidationException if a required part is missing
     */
    public SubscriptionUpdated {
        Checks.notNull(meta, "meta");
        Checks.notNull(subscriptionId, "subscriptionId");
        changedFields = Set.copyOf(Checks.notNull(changedFields, "changedFields"));
    }

    @Override
    public List<EntityId> subjects() {
        return Subjects.of(subscriptionId);
    }
}
