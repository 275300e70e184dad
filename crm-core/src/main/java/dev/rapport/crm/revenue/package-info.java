/**
 * Money (never a double) and subscriptions or contracts with their recurring revenue: a
 * {@link dev.rapport.crm.revenue.Subscription} records every change of its MRR and status as a
 * {@link dev.rapport.crm.revenue.SubscriptionChange}, so MRR movements (new, expansion,
 * contraction, churn, reactivation) can be computed exactly from its history.
 */
@NullMarked
package dev.rapport.crm.revenue;

import org.jspecify.annotations.NullMarked;
