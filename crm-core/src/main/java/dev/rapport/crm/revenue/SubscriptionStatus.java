package dev.rapport.crm.revenue;

/**
 * The status of a subscription or contract.
 *
 * <pre>{@code
 * if (sub.status() == SubscriptionStatus.ACTIVE) { ... }
 * }</pre>
 */
public enum SubscriptionStatus {
    /** In a trial period, no recurring revenue yet. */
    TRIAL,
    /** Active and billing. */
    ACTIVE,
    /** Paused: no revenue, not churned. */
    PAUSED,
    /** Cancelled: churned at its end date. */
    CANCELLED,
    /** Ran out without renewal. */
    EXPIRED
}
