package dev.rapport.crm.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.crm.property.Gen;
import dev.rapport.crm.property.PropertyCheck;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Invariants of the association rules, checked with Rapport's property engine. */
class ProductAffinityProperties {

    private static final Gen<List<Long>> CODES = Gen.lists(Gen.longs(0, Long.MAX_VALUE / 2), 0, 40);
    private static final Gen<Integer> SPLIT = Gen.integers(0, 100);
    private static final Gen<Integer> PERCENT = Gen.integers(0, 100);

    /** Baskets of up to six products out of seven, decoded from codes. */
    static List<Basket> baskets(List<Long> codes) {
        List<Basket> out = new ArrayList<>();
        for (int i = 0; i < codes.size(); i++) {
            long c = codes.get(i);
            Set<String> items = new TreeSet<>();
            for (int k = 0; k < 6; k++) {
                if ((c >> (3 * k) & 7) < 7) {
                    items.add("p" + (c >> (3 * k) & 7));
                }
            }
            out.add(new Basket("b" + i, items));
        }
        return out;
    }

    private static BigDecimal exact(Ratio r) {
        return r.numerator().divide(r.denominator(), 40, RoundingMode.HALF_EVEN);
    }

    @Test
    void confidenceAndSupportAreFractionsAndLiftIsConfidenceOverConsequentSupport() {
        PropertyCheck.forAll(CODES).tries(200).check(codes -> {
            ProductAffinity affinity = ProductAffinity.counter(2).of(baskets(codes));
            for (AssociationRule r : affinity.rules(RuleThresholds.NONE)) {
                assertThat(r.confidence().value()).isBetween(BigDecimal.ZERO, BigDecimal.ONE);
                assertThat(r.support().value()).isBetween(BigDecimal.ZERO, BigDecimal.ONE);
                // lift = confidence / support(consequent), as exact fractions
                BigDecimal consequentSupport = BigDecimal.valueOf(r.consequentCount())
                        .divide(BigDecimal.valueOf(r.baskets()), 40, RoundingMode.HALF_EVEN);
                BigDecimal viaConfidence = BigDecimal.valueOf(r.bothCount()).multiply(BigDecimal.valueOf(r.baskets()));
                assertThat(r.lift().numerator()).isEqualByComparingTo(viaConfidence);
                assertThat(exact(r.lift()).subtract(exact(r.confidence()).divide(consequentSupport, 30,
                        RoundingMode.HALF_EVEN)).abs()).isLessThan(new BigDecimal("1e-25"));
                assertThat(r.bothCount()).isEqualTo(affinity.count(union(r)));
                assertThat(r.supportingBaskets()).hasSize((int) r.bothCount());
            }
        });
    }

    private static Set<String> union(AssociationRule r) {
        Set<String> s = new TreeSet<>(r.antecedent());
        s.add(r.consequent());
        return s;
    }

    @Test
    void thresholdsKeepExactlyTheRulesAtOrAboveThem() {
        PropertyCheck.forAll(CODES, PERCENT, PERCENT).tries(200).check((codes, s, c) -> {
            ProductAffinity affinity = ProductAffinity.counter(1).of(baskets(codes));
            BigDecimal minSupport = BigDecimal.valueOf(s, 2);
            BigDecimal minConfidence = BigDecimal.valueOf(c, 2);
            BigDecimal minLift = BigDecimal.valueOf((s + c) % 150, 2);
            List<AssociationRule> all = affinity.rules(RuleThresholds.NONE);
            List<AssociationRule> kept = affinity.rules(new RuleThresholds(minSupport, minConfidence, minLift));
            List<AssociationRule> expected = all.stream().filter(r -> exact(r.support()).compareTo(minSupport) >= 0
                    && exact(r.confidence()).compareTo(minConfidence) >= 0
                    && exact(r.lift()).compareTo(minLift) >= 0).toList();
            assertThat(kept).isEqualTo(expected);
        });
    }

    @Test
    void splittingTheBasketsAndMergingTheCountsEqualsTheWhole() {
        PropertyCheck.forAll(CODES, SPLIT).tries(150).check((codes, percent) -> {
            List<Basket> all = baskets(codes);
            int cut = all.size() * percent / 100;
            Metric<Basket, ProductAffinity> metric = ProductAffinity.counter(2);
            Accumulator<Basket, ProductAffinity> left = metric.newAccumulator();
            Accumulator<Basket, ProductAffinity> right = metric.newAccumulator();
            all.subList(0, cut).forEach(left::add);
            all.subList(cut, all.size()).forEach(right::add);
            left.merge(right);
            ProductAffinity whole = metric.of(all);
            assertThat(left.result()).isEqualTo(whole);
            assertThat(left.result().rules(RuleThresholds.NONE)).isEqualTo(whole.rules(RuleThresholds.NONE));
        });
    }
}
