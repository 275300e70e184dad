package dev.rapport.crm.metrics;

import java.util.List;
import java.util.Objects;

/**
 * Funnel conversion: one {@link FunnelStep} per stage, in order, ending with {@code "won"}.
 *
 * <p>On the cohort basis ({@link SalesMetrics#funnel}) the deals are a cohort (group them by
 * creation period for cohorts per month) and each is followed through the stages: every
 * conversion lies in [0, 1]. On the period basis ({@link SalesMetrics#funnelInPeriod}) each step
 * counts the stage entries (and wins) that happened within the period, whatever deal they belong
 * to; a step's conversion then compares activity in the period and may exceed 1.
 *
 * <pre>{@code
 * Funnel f = SalesMetrics.funnel(List.of("prospecting", "engaging"), FunnelVariant.ANY_STAGE).of(deals);
 * f.steps().get(1).fromPrevious();   // prospecting -> engaging
 * }</pre>
 *
 * @param variant strict or any-stage
 * @param periodBasis true when counting entries within a period instead of following a cohort
 * @param steps the steps, first stage first, {@code "won"} last
 */
public record Funnel(FunnelVariant variant, boolean periodBasis, List<FunnelStep> steps) {

    /**
     * Checks the parts are present.
     *
     * @param variant strict or any-stage
     * @param periodBasis true on the period basis
     * @param steps the steps
     */
    public Funnel {
        Objects.requireNonNull(variant, "variant");
        steps = List.copyOf(steps);
    }
}
