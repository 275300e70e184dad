package dev.rapport.crm.metrics;

import java.util.Objects;

/**
 * One step of a funnel: how many deals reached a stage, the conversion from the previous step
 * and the cumulative conversion from the first step. The ids of both ratios are the deals that
 * reached this step.
 *
 * <pre>{@code
 * Funnel f = SalesMetrics.funnel(List.of("qualify", "proposal"), FunnelVariant.STRICT).of(deals);
 * FunnelStep won = f.steps().get(2);
 * won.fromPrevious().value();   // proposal -> won
 * won.fromFirst().value();      // qualify -> won
 * }</pre>
 *
 * @param stage the stage's key ({@code "won"} for the final step)
 * @param count deals that reached it (entries within the period on the period basis)
 * @param fromPrevious count over the previous step's count (for the first step, over itself)
 * @param fromFirst count over the first step's count
 */
public record FunnelStep(String stage, long count, Ratio fromPrevious, Ratio fromFirst) {

    /**
     * Checks the parts are present.
     *
     * @param stage the stage's key
     * @param count deals that reached it
     * @param fromPrevious count over the previous step's count
     * @param fromFirst count over the first step's count
     */
    public FunnelStep {
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(fromPrevious, "fromPrevious");
        Objects.requireNonNull(fromFirst, "fromFirst");
    }
}
