package dev.rapport.crm.metrics;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** The mergeable state behind a {@link Stats}: a histogram, the exact sum and the ids. */
final class StatsState {
    private final Histogram histogram = new Histogram();
    private final Ids ids;
    private long sum;

    StatsState(boolean keepIds) {
        this.ids = new Ids(keepIds);
    }

    void add(long value, String id) {
        long newSum = Math.addExact(sum, value);
        histogram.add(value);
        sum = newSum;
        ids.add(id);
    }

    void merge(StatsState other) {
        sum = Math.addExact(sum, other.sum);
        histogram.merge(other.histogram);
        ids.addAll(other.ids);
    }

    Stats result(String unit) {
        return result(histogram, sum, unit, ids.list());
    }

    /** Mean (half-even at {@link Ratio#SCALE}), median, min and max of a histogram whose values add up to sum. */
    static Stats result(Histogram histogram, long sum, String unit, java.util.List<String> ids) {
        long n = histogram.total();
        if (n == 0) {
            return new Stats(MetricStatus.UNDEFINED, unit, null, null, null, null, 0, 0, ids);
        }
        BigDecimal mean = BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(n), Ratio.SCALE, RoundingMode.HALF_EVEN);
        return new Stats(MetricStatus.DEFINED, unit, mean, histogram.median(), histogram.min(), histogram.max(), sum, n,
                ids);
    }
}
