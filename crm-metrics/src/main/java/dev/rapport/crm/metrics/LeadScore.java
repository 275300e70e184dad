package dev.rapport.crm.metrics;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A lead's predicted probability of being won, explained per field. It is
 * {@link MetricStatus#UNDEFINED} (no probability) when the model has not seen both won and lost
 * examples.
 *
 * <pre>{@code
 * LeadScore s = model.score(Map.of("source", "REFERRAL", "industry", "retail"));
 * s.probability();     // e.g. 0.732143
 * s.contributions();   // one per field, with its odds factor
 * }</pre>
 *
 * @param status whether the score is defined
 * @param probability P(won | fields) at {@link Ratio#SCALE} decimals, or null when undefined
 * @param priorOdds won / lost examples in training, at {@link Ratio#SCALE} decimals, or null
 * @param contributions one per field of the lead, in field-name order
 */
public record LeadScore(MetricStatus status, @Nullable BigDecimal probability, @Nullable BigDecimal priorOdds,
        List<FieldContribution> contributions) {

    /**
     * Checks the parts agree.
     *
     * @param status whether the score is defined
     * @param probability P(won | fields), or null when undefined
     * @param priorOdds won / lost examples in training, or null
     * @param contributions one per field of the lead
     * @throws IllegalArgumentException if status and probability disagree
     */
    public LeadScore {
        Objects.requireNonNull(status, "status");
        contributions = List.copyOf(contributions);
        if ((status == MetricStatus.DEFINED) != (probability != null)) {
            throw new IllegalArgumentException("a defined score has a probability and an undefined one has none");
        }
    }
}
