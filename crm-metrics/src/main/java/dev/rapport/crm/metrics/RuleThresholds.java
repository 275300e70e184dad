package dev.rapport.crm.metrics;

import java.math.BigDecimal;

/**
 * The minimum support, confidence and lift an association rule needs to be reported. Each is
 * compared exactly with the rule's fraction (not with its rounded value): a rule with support
 * {@code 3/7} passes a minimum of {@code 0.428571} but not one of {@code 0.428572}.
 *
 * <pre>{@code
 * RuleThresholds t = new RuleThresholds(new BigDecimal("0.05"), new BigDecimal("0.4"), new BigDecimal("1.2"));
 * RuleThresholds all = RuleThresholds.NONE;   // every rule with at least one supporting basket
 * }</pre>
 *
 * @param minSupport the lowest share of all baskets that hold antecedent and consequent, in [0, 1]
 * @param minConfidence the lowest share of the antecedent's baskets that hold the consequent, in
 *     [0, 1]
 * @param minLift the lowest lift (confidence over the consequent's support), not negative; 1 keeps
 *     only rules where the antecedent makes the consequent more likely than it is anyway
 */
public record RuleThresholds(BigDecimal minSupport, BigDecimal minConfidence, BigDecimal minLift) {

    /** No threshold: every rule seen in at least one basket. */
    public static final RuleThresholds NONE = new RuleThresholds(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);

    /**
     * Checks the ranges.
     *
     * @param minSupport the lowest support, in [0, 1]
     * @param minConfidence the lowest confidence, in [0, 1]
     * @param minLift the lowest lift, not negative
     * @throws dev.rapport.crm.CrmValidationException naming the threshold that is missing or out
     *     of range
     */
    public RuleThresholds {
        Inputs.fraction(minSupport, "minSupport");
        Inputs.fraction(minConfidence, "minConfidence");
        Inputs.present(minLift, "minLift");
        Inputs.check(minLift.signum() >= 0, "minLift", "must not be negative");
    }
}
