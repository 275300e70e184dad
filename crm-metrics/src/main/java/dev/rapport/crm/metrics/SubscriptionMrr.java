package dev.rapport.crm.metrics;

import dev.rapport.crm.revenue.Subscription;
import dev.rapport.crm.revenue.SubscriptionChange;
import java.util.ArrayList;
import java.util.List;

/**
 * A subscription's MRR history, as {@link RevenueMetrics#customerMrr} reads it to find each
 * customer's MRR at the start and the end of a period. Before its first point a subscription
 * brings nothing.
 *
 * <pre>{@code
 * SubscriptionMrr sub = new SubscriptionMrr("sub-1", "acct-1", List.of(
 *     new MrrPoint(LocalDate.of(2026, 1, 1), Money.of("490.00", "EUR")),
 *     new MrrPoint(LocalDate.of(2026, 3, 1), Money.of("690.00", "EUR"))));
 * }</pre>
 *
 * @param subscriptionId the subscription
 * @param customerId the paying customer (several subscriptions may share one)
 * @param history the MRR from each day on, oldest first, days strictly increasing
 */
public record SubscriptionMrr(String subscriptionId, String customerId, List<MrrPoint> history) {

    /**
     * Checks the parts and the order of the history.
     *
     * @param subscriptionId the subscription
     * @param customerId the paying customer
     * @param history the MRR history, oldest first
     * @throws dev.rapport.crm.CrmValidationException if a part is missing or the days do not
     *     strictly increase
     */
    public SubscriptionMrr {
        Inputs.id(subscriptionId, "subscriptionId");
        Inputs.id(customerId, "customerId");
        Inputs.present(history, "history");
        history = List.copyOf(history);
        for (int i = 1; i < history.size(); i++) {
            Inputs.check(history.get(i).date().isAfter(history.get(i - 1).date()), "history",
                    "days must strictly increase (keep the last change of a day)");
        }
    }

    /**
     * A crm-core subscription's MRR history, keyed by its account: for each day with changes, the
     * MRR after the day's last change (trials, pauses and ended subscriptions bring zero).
     *
     * @param subscription the subscription
     * @return its MRR history
     */
    public static SubscriptionMrr of(Subscription subscription) {
        List<MrrPoint> points = new ArrayList<>();
        for (SubscriptionChange change : subscription.history()) {
            MrrPoint point = new MrrPoint(change.date(), change.newMrr());
            if (!points.isEmpty() && points.get(points.size() - 1).date().equals(change.date())) {
                points.set(points.size() - 1, point);
            } else {
                points.add(point);
            }
        }
        return new SubscriptionMrr(subscription.id().value(), subscription.accountId().value(), points);
    }
}
