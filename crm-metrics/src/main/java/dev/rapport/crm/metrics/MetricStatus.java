package dev.rapport.crm.metrics;

/**
 * Whether a result has a value. A metric whose denominator is empty (no deals closed, no
 * customers at the start of the period, no survey answers) is {@link #UNDEFINED}: its value is
 * absent, never 0 and never NaN, so a dashboard can show "no data" instead of a wrong number.
 *
 * <pre>{@code
 * Ratio winRate = SalesMetrics.winRateByCount(NoDecision.EXCLUDED).of(List.of());
 * assert winRate.status() == MetricStatus.UNDEFINED;
 * assert winRate.value() == null;
 * }</pre>
 */
public enum MetricStatus {
    /** The denominator is not empty and the value is present. */
    DEFINED,
    /** The denominator is empty; there is no value. */
    UNDEFINED
}
