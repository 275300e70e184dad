package dev.rapport.crm.metrics;

import dev.rapport.crm.revenue.Money;
import dev.rapport.crm.sales.ForecastCategory;
import java.util.List;
import java.util.Objects;

/**
 * Deal amounts per forecast category, and the cumulative roll-ups a forecast call reads:
 * {@code commitForecast = closed + commit}, {@code bestCaseForecast = closed + commit + bestCase},
 * {@code openPipeline = pipeline + bestCase + commit} (every open deal not omitted).
 *
 * <pre>{@code
 * ForecastRollup f = SalesMetrics.forecast(Conversion.strict("EUR")).of(dealsClosingThisQuarter);
 * f.commitForecast();   // what the team commits to, including what is already won
 * }</pre>
 *
 * @param pipeline open deals in {@link ForecastCategory#PIPELINE}
 * @param bestCase open deals in {@link ForecastCategory#BEST_CASE}
 * @param commit open deals in {@link ForecastCategory#COMMIT}
 * @param closed won deals
 * @param omitted lost, no-decision and omitted open deals
 * @param commitForecast closed + commit
 * @param bestCaseForecast closed + commit + best case
 * @param openPipeline pipeline + best case + commit
 * @param sampleSize deals read
 * @param ids the ids of the deals read (empty when ids are off)
 */
public record ForecastRollup(Money pipeline, Money bestCase, Money commit, Money closed, Money omitted,
        Money commitForecast, Money bestCaseForecast, Money openPipeline, long sampleSize, List<String> ids) {

    /**
     * Checks the roll-ups agree with the categories.
     *
     * @param pipeline open deals in pipeline
     * @param bestCase open deals in best case
     * @param commit open deals in commit
     * @param closed won deals
     * @param omitted lost, no-decision and omitted deals
     * @param commitForecast closed + commit
     * @param bestCaseForecast closed + commit + best case
     * @param openPipeline pipeline + best case + commit
     * @param sampleSize deals read
     * @param ids the ids of the deals read
     * @throws IllegalArgumentException if a roll-up is not the sum of its categories
     */
    public ForecastRollup {
        Objects.requireNonNull(omitted, "omitted");
        ids = List.copyOf(ids);
        if (closed.plus(commit).compareTo(commitForecast) != 0
                || commitForecast.plus(bestCase).compareTo(bestCaseForecast) != 0
                || pipeline.plus(bestCase).plus(commit).compareTo(openPipeline) != 0) {
            throw new IllegalArgumentException("forecast roll-ups must be the sums of their categories");
        }
    }
}
