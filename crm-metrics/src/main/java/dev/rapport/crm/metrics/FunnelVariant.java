package dev.rapport.crm.metrics;

/**
 * Whether a deal that skipped a stage counts as having passed it.
 *
 * <pre>{@code
 * SalesMetrics.funnel(stages, FunnelVariant.ANY_STAGE);
 * }</pre>
 */
public enum FunnelVariant {
    /**
     * A deal reaches a step only by entering every earlier step's stage, in order; a deal that
     * skipped a stage stops counting at the skipped step.
     */
    STRICT,
    /**
     * A deal that entered a later stage (or was won) counts as having passed every earlier stage,
     * even one it skipped.
     */
    ANY_STAGE
}
