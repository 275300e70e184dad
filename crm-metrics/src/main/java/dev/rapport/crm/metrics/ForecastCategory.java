package dev.rapport.crm.metrics;

/**
 * The forecast category of a deal. Open deals carry one of {@link #PIPELINE},
 * {@link #BEST_CASE}, {@link #COMMIT} or {@link #OMITTED}; a won deal is {@link #CLOSED}, a lost or
 * no-decision deal {@link #OMITTED}, whatever was set on it.
 *
 * <pre>{@code
 * Deal d = Deal.open("opp-1", "ada", Money.of("100.00", "EUR"), day)
 *     .inStage("proposal", new BigDecimal("0.6"), ForecastCategory.BEST_CASE);
 * }</pre>
 */
public enum ForecastCategory {
    /** Open, early: may close in the period. */
    PIPELINE,
    /** Open, likely: could close in the period if things go well. */
    BEST_CASE,
    /** Open, confident: the owner commits to closing it in the period. */
    COMMIT,
    /** Won. */
    CLOSED,
    /** Left out of the forecast (lost, no decision, or excluded by the owner). */
    OMITTED
}
