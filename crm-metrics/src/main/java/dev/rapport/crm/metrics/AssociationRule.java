package dev.rapport.crm.metrics;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * An association rule {@code antecedent → consequent} learned from baskets (Agrawal, Imieliński
 * and Swami, 1993; definitions as in Tan, Steinbach and Kumar, <i>Introduction to Data Mining</i>,
 * chapter 6), with the counts it comes from so that every figure can be checked by hand. With
 * {@code N} baskets, {@code n(X)} the baskets holding every product of X, A the antecedent and B
 * the consequent:
 *
 * <ul>
 *   <li>support = n(A ∪ B) / N;</li>
 *   <li>confidence = n(A ∪ B) / n(A), in [0, 1];</li>
 *   <li>lift = confidence / support(B) = n(A ∪ B) × N / (n(A) × n(B)); above 1 the antecedent makes
 *       the consequent more likely than it is on its own, below 1 less likely.</li>
 * </ul>
 *
 * Each figure is a {@link Ratio} whose numerator and denominator are the exact counts above; its
 * value is rounded half-even to {@link Ratio#SCALE} decimals.
 *
 * <pre>{@code
 * AssociationRule r = affinity.rules(RuleThresholds.NONE).get(0);
 * r.antecedent();            // [Diapers, Milk]
 * r.consequent();            // Beer
 * r.confidence().value();    // 0.666667 = 2 / 3
 * r.supportingBaskets();     // the baskets holding Diapers, Milk and Beer
 * }</pre>
 *
 * @param antecedent the products already held, in name order (at least one)
 * @param consequent the product suggested
 * @param baskets N, all baskets counted
 * @param antecedentCount n(A)
 * @param consequentCount n(B)
 * @param bothCount n(A ∪ B)
 * @param support n(A ∪ B) / N
 * @param confidence n(A ∪ B) / n(A)
 * @param lift n(A ∪ B) × N / (n(A) × n(B))
 * @param supportingBaskets the ids of the baskets holding A ∪ B (empty when ids are off)
 */
public record AssociationRule(List<String> antecedent, String consequent, long baskets, long antecedentCount,
        long consequentCount, long bothCount, Ratio support, Ratio confidence, Ratio lift,
        List<String> supportingBaskets) {

    /**
     * Checks the parts are present.
     *
     * @param antecedent the products already held
     * @param consequent the product suggested
     * @param baskets all baskets counted
     * @param antecedentCount n(A)
     * @param consequentCount n(B)
     * @param bothCount n(A ∪ B)
     * @param support the support
     * @param confidence the confidence
     * @param lift the lift
     * @param supportingBaskets the baskets holding A ∪ B
     */
    public AssociationRule {
        antecedent = List.copyOf(antecedent);
        Objects.requireNonNull(consequent, "consequent");
        Objects.requireNonNull(support, "support");
        Objects.requireNonNull(confidence, "confidence");
        Objects.requireNonNull(lift, "lift");
        supportingBaskets = List.copyOf(supportingBaskets);
    }

    /**
     * A rule from its counts.
     *
     * @param antecedent the products already held
     * @param consequent the product suggested
     * @param n all baskets
     * @param nA baskets holding the antecedent
     * @param nB baskets holding the consequent
     * @param nAB baskets holding both
     * @param ids the baskets holding both
     * @return the rule
     */
    static AssociationRule of(List<String> antecedent, String consequent, long n, long nA, long nB, long nAB,
            List<String> ids) {
        return new AssociationRule(antecedent, consequent, n, nA, nB, nAB, Ratio.of(nAB, n, nAB, ids),
                Ratio.of(nAB, nA, nAB, ids),
                Ratio.of(BigDecimal.valueOf(nAB).multiply(BigDecimal.valueOf(n)),
                        BigDecimal.valueOf(nA).multiply(BigDecimal.valueOf(nB)), nAB, ids),
                ids);
    }
}
