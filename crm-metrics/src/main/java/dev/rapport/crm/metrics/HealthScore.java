package dev.rapport.crm.metrics;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A customer's health score, 0 to 100, with its churn risk band and how each signal contributed.
 * Undefined (no score, risk {@link ChurnRisk#UNKNOWN}) when none of the model's weighted signals
 * is known for the customer.
 *
 * <pre>{@code
 * HealthScore h = model.score(signals);
 * h.score();           // e.g. 72.50
 * h.contributions();   // one per weighted signal the customer has
 * h.missing();         // weighted signals the customer lacks
 * }</pre>
 *
 * @param customerId the customer
 * @param status whether the score is defined
 * @param score the weighted mean of the known signals × 100, at 2 decimals, or null
 * @param risk the churn risk band
 * @param contributions per known weighted signal: its value, weight and points
 * @param missing the model's signals the customer lacks (left out of the mean)
 */
public record HealthScore(String customerId, MetricStatus status, @Nullable BigDecimal score, ChurnRisk risk,
        List<SignalContribution> contributions, List<String> missing) {

    /**
     * Checks the parts agree.
     *
     * @param customerId the customer
     * @param status whether the score is defined
     * @param score the score, or null
     * @param risk the churn risk band
     * @param contributions per known weighted signal
     * @param missing the model's signals the customer lacks
     * @throws IllegalArgumentException if status, score and risk disagree
     */
    public HealthScore {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(risk, "risk");
        contributions = List.copyOf(contributions);
        missing = List.copyOf(missing);
        if ((status == MetricStatus.DEFINED) != (score != null) || (score == null) != (risk == ChurnRisk.UNKNOWN)) {
            throw new IllegalArgumentException("a defined score has a value and a risk band; an undefined one neither");
        }
    }

    /**
     * One signal's part in a health score.
     *
     * <pre>{@code
     * for (HealthScore.SignalContribution c : h.contributions()) { System.out.println(c.signal() + " " + c.points()); }
     * }</pre>
     *
     * @param signal the signal's name
     * @param value the customer's value, in [0, 1]
     * @param weight the signal's weight in the model
     * @param points what it adds to the score: value × weight / total known weight × 100, at 2 decimals
     */
    public record SignalContribution(String signal, BigDecimal value, BigDecimal weight, BigDecimal points) {

        /**
         * Checks the parts are present.
         *
         * @param signal the signal's name
         * @param value the customer's value
         * @param weight the signal's weight
         * @param points what it adds to the score
         */
        public SignalContribution {
            Objects.requireNonNull(signal, "signal");
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(weight, "weight");
            Objects.requireNonNull(points, "points");
        }
    }
}
