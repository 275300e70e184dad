package dev.rapport.crm.sales;

/**
 * How a stage counts in a sales forecast. Open stages are {@link #PIPELINE}, {@link #BEST_CASE},
 * {@link #COMMIT} or {@link #OMITTED}; the closed-won stage is {@link #CLOSED}; closed-lost
 * stages are {@link #OMITTED}.
 *
 * <pre>{@code
 * Stage negotiation = Stage.open("negotiation", "Negotiation", new BigDecimal("0.8"), ForecastCategory.COMMIT);
 * }</pre>
 */
public enum ForecastCategory {
    /** Early, uncertain: counted in the pipeline but not in the forecast. */
    PIPELINE,
    /** Could close in the period if things go well. */
    BEST_CASE,
    /** Expected to close in the period. */
    COMMIT,
    /** Won. */
    CLOSED,
    /** Not counted (lost, or excluded on purpose). */
    OMITTED
}
