package dev.rapport.crm.metrics;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Every sales metric at once, computed in one pass over the deals
 * ({@link SalesMetrics#summary(SalesSummarySpec)} over {@link Deal}s, or
 * {@link SalesMetrics#summary(SalesSummarySpec, DealColumns)} over columns). Each part equals what
 * the metric's own calculator in {@link SalesMetrics} gives for the same settings, without ids.
 *
 * <pre>{@code
 * SalesSummary s = SalesMetrics.summary(spec).of(deals);
 * s.winRateByCount().value();
 * s.salesCycle().median();
 * s.forecast().commitForecast();
 * }</pre>
 *
 * @param winRateByCount {@link SalesMetrics#winRateByCount}
 * @param winRateByValue {@link SalesMetrics#winRateByValue}
 * @param averageDealSize {@link SalesMetrics#averageDealSize}
 * @param salesCycle {@link SalesMetrics#salesCycleDays}
 * @param velocity {@link SalesMetrics#pipelineVelocity}
 * @param coverage {@link SalesMetrics#pipelineCoverage}
 * @param weightedPipeline {@link SalesMetrics#weightedPipeline}
 * @param openPipeline {@link SalesMetrics#openPipeline}
 * @param forecast {@link SalesMetrics#forecast}
 * @param cohortStrict {@link SalesMetrics#funnel} with {@link FunnelVariant#STRICT}
 * @param cohortAnyStage {@link SalesMetrics#funnel} with {@link FunnelVariant#ANY_STAGE}
 * @param periodStrict {@link SalesMetrics#funnelInPeriod} with {@link FunnelVariant#STRICT}
 * @param periodAnyStage {@link SalesMetrics#funnelInPeriod} with {@link FunnelVariant#ANY_STAGE}
 * @param stageProbabilities {@link SalesMetrics#stageProbabilities}, in stage order
 */
public record SalesSummary(Ratio winRateByCount, Ratio winRateByValue, MoneyRatio averageDealSize, Stats salesCycle,
        PipelineVelocity velocity, Ratio coverage, MoneyTotal weightedPipeline, MoneyTotal openPipeline,
        ForecastRollup forecast, Funnel cohortStrict, Funnel cohortAnyStage, Funnel periodStrict,
        Funnel periodAnyStage, Map<String, Ratio> stageProbabilities) {

    /**
     * Checks the parts are present; the probabilities keep their stage order.
     *
     * @param winRateByCount win rate by count
     * @param winRateByValue win rate by value
     * @param averageDealSize average deal size
     * @param salesCycle sales cycle in days
     * @param velocity pipeline velocity
     * @param coverage pipeline coverage
     * @param weightedPipeline weighted pipeline
     * @param openPipeline open pipeline
     * @param forecast forecast roll-ups
     * @param cohortStrict strict cohort funnel
     * @param cohortAnyStage any-stage cohort funnel
     * @param periodStrict strict period funnel
     * @param periodAnyStage any-stage period funnel
     * @param stageProbabilities stage-to-close probabilities
     */
    public SalesSummary {
        Objects.requireNonNull(winRateByCount, "winRateByCount");
        Objects.requireNonNull(winRateByValue, "winRateByValue");
        Objects.requireNonNull(averageDealSize, "averageDealSize");
        Objects.requireNonNull(salesCycle, "salesCycle");
        Objects.requireNonNull(velocity, "velocity");
        Objects.requireNonNull(coverage, "coverage");
        Objects.requireNonNull(weightedPipeline, "weightedPipeline");
        Objects.requireNonNull(openPipeline, "openPipeline");
        Objects.requireNonNull(forecast, "forecast");
        Objects.requireNonNull(cohortStrict, "cohortStrict");
        Objects.requireNonNull(cohortAnyStage, "cohortAnyStage");
        Objects.requireNonNull(periodStrict, "periodStrict");
        Objects.requireNonNull(periodAnyStage, "periodAnyStage");
        stageProbabilities = Collections.unmodifiableMap(new LinkedHashMap<>(stageProbabilities));
    }
}
