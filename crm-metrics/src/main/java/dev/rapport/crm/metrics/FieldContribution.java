package dev.rapport.crm.metrics;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * How one field value moved a lead's score: the factor by which it multiplies the odds of
 * winning ({@code P(value | won) / P(value | lost)}, above 1 helps, below 1 hurts), and how many
 * training examples had the value. A value the model has not seen often enough (below the minimum
 * support) is listed with factor 1 and {@code used = false}.
 *
 * <pre>{@code
 * for (FieldContribution c : score.contributions()) {
 *     System.out.println(c.field() + "=" + c.value() + " x" + c.oddsFactor());
 * }
 * }</pre>
 *
 * @param field the field
 * @param value the lead's value
 * @param oddsFactor the likelihood ratio at {@link Ratio#SCALE} decimals
 * @param support training examples with this value
 * @param used whether the value counted in the score
 */
public record FieldContribution(String field, String value, BigDecimal oddsFactor, long support, boolean used) {

    /**
     * Checks the parts are present.
     *
     * @param field the field
     * @param value the lead's value
     * @param oddsFactor the likelihood ratio
     * @param support training examples with this value
     * @param used whether the value counted in the score
     */
    public FieldContribution {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(oddsFactor, "oddsFactor");
    }
}
