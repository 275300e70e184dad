package dev.rapport.crm.metrics;

import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collector;
import java.util.stream.Stream;

/**
 * A metric: a pure function from items to a result, computed in one pass with mergeable
 * {@link Accumulator}s. Metrics are immutable and thread-safe; their accumulators are not.
 *
 * <pre>{@code
 * Metric<Deal, Ratio> winRate = SalesMetrics.winRateByCount(NoDecision.EXCLUDED);
 * Ratio overall = winRate.of(deals);                                     // an Iterable
 * Map<String, Ratio> byOwner = winRate.groupedBy(Deal::ownerId).of(deals.stream());
 * Map<Period, Ratio> byMonth = winRate
 *     .groupedBy(Period.byDate(PeriodUnit.MONTH, (Deal d) -> d.closedOnIfClosed().orElseThrow()))
 *     .of(closedDeals);
 * }</pre>
 *
 * @param <T> the type of the items
 * @param <R> the type of the result
 */
public interface Metric<T, R> {

    /**
     * A new, empty accumulator.
     *
     * @return the accumulator
     */
    Accumulator<T, R> newAccumulator();

    /**
     * The same metric without the contributing ids: results then list no ids (the sample size
     * stays exact) and memory is bounded by the number of groups alone.
     *
     * @return the metric without ids
     */
    Metric<T, R> withoutIds();

    /**
     * Computes the metric over items in one pass.
     *
     * @param items the items
     * @return the result
     */
    default R of(Iterable<? extends T> items) {
        Objects.requireNonNull(items, "items");
        Accumulator<T, R> acc = newAccumulator();
        for (T item : items) {
            acc.add(item);
        }
        return acc.result();
    }

    /**
     * Computes the metric over a stream in one pass, in encounter order.
     *
     * @param items the items
     * @return the result
     */
    default R of(Stream<? extends T> items) {
        Objects.requireNonNull(items, "items");
        Accumulator<T, R> acc = newAccumulator();
        items.forEachOrdered(acc::add);
        return acc.result();
    }

    /**
     * The metric per group: one accumulator per key, in the order the keys are first seen.
     *
     * @param key the grouping key of an item, e.g. {@code Deal::ownerId} or
     *     {@link Period#byDate(PeriodUnit, Function)}; it must not return null (map absent values
     *     to an explicit key such as {@code "unassigned"})
     * @param <K> the type of the key
     * @return the grouped metric
     */
    default <K> Metric<T, Map<K, R>> groupedBy(Function<? super T, ? extends K> key) {
        return new GroupedMetric<T, K, R>(this, GroupedMetric.single(key));
    }

    /**
     * The metric per group, where an item may belong to several groups (or none): a deal counts
     * once under each product it sells, a contact under each segment it is in. Repeated keys of
     * one item count once. Totals over such groups may add up to more than the whole.
     *
     * @param keys the grouping keys of an item, e.g. {@code Deal::productIds}; neither the
     *     collection nor a key may be null
     * @param <K> the type of the keys
     * @return the grouped metric
     */
    default <K> Metric<T, Map<K, R>> groupedByEach(Function<? super T, ? extends Collection<? extends K>> keys) {
        return new GroupedMetric<T, K, R>(this, keys);
    }

    /**
     * The metric as a {@link Collector}, whose combiner is {@link Accumulator#merge}; usable in
     * parallel streams and inside {@link java.util.stream.Collectors#groupingBy}.
     *
     * @return the collector
     */
    default Collector<T, Accumulator<T, R>, R> collector() {
        return Collector.of(this::newAccumulator, Accumulator::add, (a, b) -> {
            a.merge(b);
            return a;
        }, Accumulator::result);
    }
}
