package dev.rapport.crm.revenue;

/**
 * What a {@link SubscriptionChange} did to a subscription's recurring revenue. The kinds are the
 * MRR movements metrics report, plus the status changes that move no revenue.
 *
 * <pre>{@code
 * long churned = sub.history().stream().filter(c -> c.kind() == SubscriptionChangeKind.CHURN).count();
 * }</pre>
 */
public enum SubscriptionChangeKind {
    /** Started in a trial: no revenue yet (from zero to zero). */
    TRIAL,
    /** The first revenue: started active, or a trial converted (from zero). */
    NEW,
    /** The MRR went up while active. */
    EXPANSION,
    /** The MRR went down while active. */
    CONTRACTION,
    /** Cancelled or expired after it had billed (to zero; from zero when it was paused). */
    CHURN,
    /** A trial ended (cancelled or expired) without converting: no revenue moved. */
    TRIAL_ENDED,
    /** A cancelled or expired subscription that had billed came back (from zero). */
    REACTIVATION,
    /** Paused (to zero). */
    PAUSE,
    /** Resumed after a pause (from zero). */
    RESUME,
    /** Renewed for another term: the MRR stays as it is. */
    RENEWAL
}
