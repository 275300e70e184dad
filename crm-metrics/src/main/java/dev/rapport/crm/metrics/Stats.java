package dev.rapport.crm.metrics;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The mean and median of whole quantities (days of a sales cycle, minutes to first response),
 * computed in one pass. The mean is {@code sum / count} at {@link Ratio#SCALE} decimals; the
 * median is exact (for an even count, the mean of the two middle values) and is found from a
 * counting histogram, so the input is never kept or sorted. Empty input is
 * {@link MetricStatus#UNDEFINED} with null mean, median, min and max.
 *
 * <pre>{@code
 * Stats cycle = SalesMetrics.salesCycleDays(CycleStart.created()).of(wonDeals);
 * cycle.mean();     // 47.250000
 * cycle.median();   // 45
 * }</pre>
 *
 * @param status whether the values are defined
 * @param unit the unit of the values, e.g. {@code "days"} or {@code "minutes"}
 * @param mean the arithmetic mean, or null when undefined
 * @param median the median, or null when undefined
 * @param min the smallest value, or null when undefined
 * @param max the largest value, or null when undefined
 * @param sum the sum of the values
 * @param sampleSize how many values contributed
 * @param ids the ids of the contributing items (empty when ids are off)
 */
public record Stats(MetricStatus status, String unit, @Nullable BigDecimal mean, @Nullable BigDecimal median,
        @Nullable Long min, @Nullable Long max, long sum, long sampleSize, List<String> ids) {

    /**
     * Checks the parts agree.
     *
     * @param status whether the values are defined
     * @param unit the unit of the values
     * @param mean the arithmetic mean, or null when undefined
     * @param median the median, or null when undefined
     * @param min the smallest value, or null when undefined
     * @param max the largest value, or null when undefined
     * @param sum the sum of the values
     * @param sampleSize how many values contributed
     * @param ids the ids of the contributing items
     * @throws IllegalArgumentException if the status and the values disagree
     */
    public Stats {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(unit, "unit");
        ids = List.copyOf(ids);
        if ((status == MetricStatus.DEFINED) != (mean != null && median != null)) {
            throw new IllegalArgumentException("defined stats have a mean and a median; undefined ones have none");
        }
    }
}
