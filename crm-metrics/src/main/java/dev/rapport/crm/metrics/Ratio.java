package dev.rapport.crm.metrics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A dimensionless result: {@code value = numerator / denominator}, rounded half-even to
 * {@link #SCALE} decimals, with the sample size and the ids that contributed. With a zero
 * denominator the result is {@link MetricStatus#UNDEFINED} and {@code value} is null.
 *
 * <pre>{@code
 * Ratio r = Ratio.of(new BigDecimal("3"), new BigDecimal("4"), 4, List.of("a", "b", "c", "d"));
 * r.value();   // 0.750000
 * Ratio.of(BigDecimal.ZERO, BigDecimal.ZERO, 0, List.of()).status();   // UNDEFINED
 * }</pre>
 *
 * @param status whether the value is defined
 * @param value numerator / denominator at {@link #SCALE} decimals, or null when undefined
 * @param numerator the numerator (a count, a sum of amounts in the reporting currency, ...)
 * @param denominator the denominator
 * @param sampleSize how many items contributed
 * @param ids the ids of the contributing items (empty when ids are off)
 */
public record Ratio(MetricStatus status, @Nullable BigDecimal value, BigDecimal numerator,
        BigDecimal denominator, long sampleSize, List<String> ids) {

    /** Decimals of every ratio value: 6, rounded {@link RoundingMode#HALF_EVEN}. */
    public static final int SCALE = 6;

    /**
     * Checks the parts agree.
     *
     * @param status whether the value is defined
     * @param value numerator / denominator at {@link #SCALE} decimals, or null when undefined
     * @param numerator the numerator
     * @param denominator the denominator
     * @param sampleSize how many items contributed
     * @param ids the ids of the contributing items
     * @throws IllegalArgumentException if the status and the value disagree
     */
    public Ratio {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(numerator, "numerator");
        Objects.requireNonNull(denominator, "denominator");
        ids = List.copyOf(ids);
        if ((status == MetricStatus.DEFINED) != (value != null)) {
            throw new IllegalArgumentException("a defined ratio has a value and an undefined one has none");
        }
    }

    /**
     * The ratio of two quantities; undefined when the denominator is zero.
     *
     * @param numerator the numerator
     * @param denominator the denominator
     * @param sampleSize how many items contributed
     * @param ids the contributing ids
     * @return the ratio
     */
    public static Ratio of(BigDecimal numerator, BigDecimal denominator, long sampleSize, List<String> ids) {
        return new Ratio(denominator.signum() == 0 ? MetricStatus.UNDEFINED : MetricStatus.DEFINED,
                divide(numerator, denominator), numerator, denominator, sampleSize, ids);
    }

    /**
     * The ratio of two counts; undefined when the denominator is zero.
     *
     * @param numerator the numerator
     * @param denominator the denominator
     * @param sampleSize how many items contributed
     * @param ids the contributing ids
     * @return the ratio
     */
    public static Ratio of(long numerator, long denominator, long sampleSize, List<String> ids) {
        return of(BigDecimal.valueOf(numerator), BigDecimal.valueOf(denominator), sampleSize, ids);
    }

    /**
     * The value when defined.
     *
     * @return the value, or empty when undefined
     */
    public Optional<BigDecimal> valueIfDefined() {
        return Optional.ofNullable(value);
    }

    /**
     * The value as a percentage (value × 100), when defined.
     *
     * @return the percentage at {@code SCALE - 2} decimals, or empty when undefined
     */
    public Optional<BigDecimal> percentIfDefined() {
        return valueIfDefined().map(v -> v.movePointRight(2));
    }

    static @Nullable BigDecimal divide(BigDecimal numerator, BigDecimal denominator) {
        return denominator.signum() == 0 ? null : numerator.divide(denominator, SCALE, RoundingMode.HALF_EVEN);
    }
}
