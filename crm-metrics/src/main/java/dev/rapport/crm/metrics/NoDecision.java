package dev.rapport.crm.metrics;

/**
 * How win rates treat deals closed without a decision: some teams leave them out (the buyer
 * never chose anyone), others count them as losses (the deal was not won).
 *
 * <pre>{@code
 * SalesMetrics.winRateByCount(NoDecision.COUNTED_AS_LOST);
 * }</pre>
 */
public enum NoDecision {
    /** No-decision deals are in neither the numerator nor the denominator. */
    EXCLUDED,
    /** No-decision deals count as closed, not won. */
    COUNTED_AS_LOST
}
