package dev.rapport.crm.metrics;

import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Counts per distinct whole value (days, minutes): the exact median without keeping or sorting
 * the input, in memory bounded by the number of distinct values, and mergeable by adding counts.
 */
final class Histogram {
    private final TreeMap<Long, long[]> counts = new TreeMap<>();
    private long total;

    void add(long value) {
        counts.computeIfAbsent(value, v -> new long[1])[0]++;
        total++;
    }

    void merge(Histogram other) {
        for (Map.Entry<Long, long[]> e : other.counts.entrySet()) {
            counts.computeIfAbsent(e.getKey(), v -> new long[1])[0] += e.getValue()[0];
        }
        total += other.total;
    }

    long total() {
        return total;
    }

    /** The median; for an even count the mean of the two middle values. Null when empty. */
    @Nullable BigDecimal median() {
        if (total == 0) {
            return null;
        }
        long lowRank = (total - 1) / 2; // 0-based ranks of the middle value(s)
        long highRank = total / 2;
        Long low = null;
        Long high = null;
        long seen = 0;
        for (Map.Entry<Long, long[]> e : counts.entrySet()) {
            seen += e.getValue()[0];
            if (low == null && seen > lowRank) {
                low = e.getKey();
            }
            if (seen > highRank) {
                high = e.getKey();
                break;
            }
        }
        if (low == null || high == null) {
            throw new IllegalStateException("histogram counts are inconsistent");
        }
        return BigDecimal.valueOf(low).add(BigDecimal.valueOf(high)).divide(BigDecimal.valueOf(2));
    }

    @Nullable Long min() {
        return counts.isEmpty() ? null : counts.firstKey();
    }

    @Nullable Long max() {
        return counts.isEmpty() ? null : counts.lastKey();
    }
}
