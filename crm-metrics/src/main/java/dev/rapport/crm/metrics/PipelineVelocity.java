package dev.rapport.crm.metrics;

import dev.rapport.crm.revenue.Money;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Pipeline (sales) velocity: how much revenue the pipeline is expected to produce per day,
 * {@code open deals × win rate × average won deal / average cycle length in days}, with its four
 * parts. It is computed with one rounding, half-even to the currency's minor unit, as
 * {@code open × wonAmount × cycleCount / (closedCount × cycleDaysSum)}; it is
 * {@link MetricStatus#UNDEFINED} when no deal was won or closed or the mean cycle is 0 days.
 *
 * <pre>{@code
 * PipelineVelocity v = SalesMetrics.pipelineVelocity(CycleStart.created(), NoDecision.EXCLUDED,
 *     Conversion.strict("EUR")).of(deals);
 * v.perDay();   // e.g. 1250.00 EUR
 * }</pre>
 *
 * @param status whether the velocity is defined
 * @param perDay the expected revenue per day, or null when undefined
 * @param openDeals the number of open deals
 * @param winRate the win rate by count
 * @param averageDealSize the average won amount
 * @param cycle the sales cycle of won deals, in days
 */
public record PipelineVelocity(MetricStatus status, @Nullable Money perDay, long openDeals, Ratio winRate,
        MoneyRatio averageDealSize, Stats cycle) {

    /**
     * Checks the parts agree.
     *
     * @param status whether the velocity is defined
     * @param perDay the expected revenue per day, or null when undefined
     * @param openDeals the number of open deals
     * @param winRate the win rate by count
     * @param averageDealSize the average won amount
     * @param cycle the sales cycle of won deals
     * @throws IllegalArgumentException if status and value disagree
     */
    public PipelineVelocity {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(winRate, "winRate");
        Objects.requireNonNull(averageDealSize, "averageDealSize");
        Objects.requireNonNull(cycle, "cycle");
        if ((status == MetricStatus.DEFINED) != (perDay != null)) {
            throw new IllegalArgumentException("a defined velocity has a value and an undefined one has none");
        }
    }
}
