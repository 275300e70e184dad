package dev.rapport.crm.metrics;

/**
 * The running state of one metric over part of the data: add items one at a time, merge the
 * state of another part, read the result. Merging is exact: accumulating two halves and merging
 * them gives the same result as accumulating the whole, so a host can compute per shard, per
 * thread or per day and combine later.
 *
 * <p>An accumulator is not thread-safe; use one per thread and merge. After {@code merge(other)}
 * the other accumulator must not be used again, because its state may now be shared.
 *
 * <pre>{@code
 * Accumulator<SurveyResponse, NetPromoterScore> left = CustomerMetrics.nps().newAccumulator();
 * Accumulator<SurveyResponse, NetPromoterScore> right = CustomerMetrics.nps().newAccumulator();
 * firstHalf.forEach(left::add);
 * secondHalf.forEach(right::add);
 * left.merge(right);
 * NetPromoterScore whole = left.result();
 * }</pre>
 *
 * @param <T> the type of the items
 * @param <R> the type of the result
 */
public interface Accumulator<T, R> {

    /**
     * Takes one item into account.
     *
     * @param item the item
     * @throws dev.rapport.crm.CrmValidationException if the item is not valid input for this
     *     metric (for example an NPS answer outside 0..10); the state is then unchanged
     * @throws dev.rapport.crm.revenue.CurrencyMismatchException if the item's amount is in
     *     another currency and the metric's {@link Conversion} has no rate for it
     */
    void add(T item);

    /**
     * Adds the state of another accumulator of the same metric to this one.
     *
     * @param other an accumulator made by the same metric (or an equal one)
     * @throws IllegalArgumentException if the other accumulator belongs to a different metric
     */
    void merge(Accumulator<T, R> other);

    /**
     * The result of everything added and merged so far. Reading it does not change the state.
     *
     * @return the result
     */
    R result();
}
