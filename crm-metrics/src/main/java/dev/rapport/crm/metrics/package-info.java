/**
 * The metrics calculator: sales, revenue, customer, service and marketing metrics as pure,
 * single-pass functions over CRM data.
 *
 * <p>Every calculator is a {@link dev.rapport.crm.metrics.Metric}: it hands out
 * {@link dev.rapport.crm.metrics.Accumulator}s that take one item at a time, keep memory bounded
 * by the number of groups (plus the contributing ids unless {@link
 * dev.rapport.crm.metrics.Metric#withoutIds()} is asked for), and merge, so computing two halves
 * and merging them gives exactly the result of computing the whole. Results are plain records
 * that carry their value, numerator, denominator, sample size and contributing ids; an empty
 * denominator gives {@link dev.rapport.crm.metrics.MetricStatus#UNDEFINED}, never 0 or NaN.
 * Ratios are {@link java.math.BigDecimal}s at {@link dev.rapport.crm.metrics.Ratio#SCALE}
 * decimals, rounded half-even; money stays {@link dev.rapport.crm.revenue.Money}, exact, and is
 * converted to one reporting currency through {@link dev.rapport.crm.metrics.Conversion} or
 * refused with {@link dev.rapport.crm.revenue.CurrencyMismatchException}.
 */
@NullMarked
package dev.rapport.crm.metrics;

import org.jspecify.annotations.NullMarked;
