package dev.rapport.crm.metrics;

import dev.rapport.crm.revenue.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * An amount per unit: {@code value = numerator / denominator} where the numerator is money (the
 * sum of won amounts, the marketing cost, ...) and the denominator a count or a rate. The value is
 * rounded half-even to the currency's minor unit; the numerator stays exact. With a zero
 * denominator the result is {@link MetricStatus#UNDEFINED} and {@code value} is null.
 *
 * <pre>{@code
 * MoneyRatio avg = MoneyRatio.of(Money.of("300.00", "EUR"), BigDecimal.valueOf(4), 4, List.of());
 * avg.value();   // 75.00 EUR
 * }</pre>
 *
 * @param status whether the value is defined
 * @param value numerator / denominator in the numerator's currency, or null when undefined
 * @param numerator the money numerator
 * @param denominator the denominator
 * @param sampleSize how many items contributed
 * @param ids the ids of the contributing items (empty when ids are off)
 */
public record MoneyRatio(MetricStatus status, @Nullable Money value, Money numerator, BigDecimal denominator,
        long sampleSize, List<String> ids) {

    /**
     * Checks the parts agree.
     *
     * @param status whether the value is defined
     * @param value numerator / denominator in the numerator's currency, or null when undefined
     * @param numerator the money numerator
     * @param denominator the denominator
     * @param sampleSize how many items contributed
     * @param ids the ids of the contributing items
     * @throws IllegalArgumentException if the status and the value disagree
     */
    public MoneyRatio {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(numerator, "numerator");
        Objects.requireNonNull(denominator, "denominator");
        ids = List.copyOf(ids);
        if ((status == MetricStatus.DEFINED) != (value != null)) {
            throw new IllegalArgumentException("a defined ratio has a value and an undefined one has none");
        }
    }

    /**
     * Money divided by a quantity; undefined when the quantity is zero.
     *
     * @param numerator the money
     * @param denominator the quantity
     * @param sampleSize how many items contributed
     * @param ids the contributing ids
     * @return the ratio
     */
    public static MoneyRatio of(Money numerator, BigDecimal denominator, long sampleSize, List<String> ids) {
        if (denominator.signum() == 0) {
            return new MoneyRatio(MetricStatus.UNDEFINED, null, numerator, denominator, sampleSize, ids);
        }
        BigDecimal v = numerator.amount().divide(denominator, numerator.amount().scale(), RoundingMode.HALF_EVEN);
        return new MoneyRatio(MetricStatus.DEFINED, new Money(v, numerator.currency()), numerator, denominator,
                sampleSize, ids);
    }

    /**
     * The value when defined.
     *
     * @return the value, or empty when undefined
     */
    public Optional<Money> valueIfDefined() {
        return Optional.ofNullable(value);
    }
}
