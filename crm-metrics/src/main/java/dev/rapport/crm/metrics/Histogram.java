package dev.rapport.crm.metrics;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Counts per distinct whole value (days, minutes): the exact median without keeping or sorting
 * the input, in memory bounded by the number of distinct values, and mergeable by adding counts.
 * Values in {@code [0, DENSE_LIMIT)} (every realistic count of days) are counted in a plain array
 * that grows to the largest value seen, so adding one is an array increment; other values go to
 * a sorted map.
 */
final class Histogram {
    /** Values from 0 up to this (exclusive) are counted densely: at most 8 MiB of counts. */
    static final int DENSE_LIMIT = 1 << 20;

    private long[] dense = new long[64];
    private final TreeMap<Long, long[]> sparse = new TreeMap<>();
    private long total;

    void add(long value) {
        if (value >= 0 && value < DENSE_LIMIT) {
            int v = (int) value;
            if (v >= dense.length) {
                grow(v);
            }
            dense[v]++;
        } else {
            sparse.computeIfAbsent(value, k -> new long[1])[0]++;
        }
        total++;
    }

    /** Adds {@code count} occurrences of a value in {@code [0, DENSE_LIMIT)}. */
    void addDense(int value, long count) {
        if (value >= dense.length) {
            grow(value);
        }
        dense[value] += count;
        total += count;
    }

    private void grow(int value) {
        int size = dense.length;
        while (size <= value) {
            size = Math.min(size * 2, DENSE_LIMIT);
        }
        dense = Arrays.copyOf(dense, size);
    }

    void merge(Histogram other) {
        for (int v = 0; v < other.dense.length; v++) {
            if (other.dense[v] != 0) {
                addDense(v, other.dense[v]);
            }
        }
        for (Map.Entry<Long, long[]> e : other.sparse.entrySet()) {
            sparse.computeIfAbsent(e.getKey(), v -> new long[1])[0] += e.getValue()[0];
        }
        total += other.sparse.values().stream().mapToLong(c -> c[0]).sum();
    }

    long total() {
        return total;
    }

    /** The value at a 0-based rank in sorted order: negatives, then the dense values, then the rest. */
    private long valueAt(long rank) {
        long seen = 0;
        for (Map.Entry<Long, long[]> e : sparse.headMap(0L).entrySet()) {
            seen += e.getValue()[0];
            if (seen > rank) {
                return e.getKey();
            }
        }
        for (int v = 0; v < dense.length; v++) {
            seen += dense[v];
            if (seen > rank) {
                return v;
            }
        }
        for (Map.Entry<Long, long[]> e : sparse.tailMap(0L).entrySet()) {
            seen += e.getValue()[0];
            if (seen > rank) {
                return e.getKey();
            }
        }
        throw new IllegalStateException("histogram counts are inconsistent");
    }

    /** The median; for an even count the mean of the two middle values. Null when empty. */
    @Nullable BigDecimal median() {
        if (total == 0) {
            return null;
        }
        long low = valueAt((total - 1) / 2); // 0-based ranks of the middle value(s)
        long high = valueAt(total / 2);
        return BigDecimal.valueOf(low).add(BigDecimal.valueOf(high)).divide(BigDecimal.valueOf(2));
    }

    @Nullable Long min() {
        return total == 0 ? null : valueAt(0);
    }

    @Nullable Long max() {
        return total == 0 ? null : valueAt(total - 1);
    }
}
