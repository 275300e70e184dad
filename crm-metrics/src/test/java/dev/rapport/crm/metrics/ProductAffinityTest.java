package dev.rapport.crm.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rapport.crm.CrmValidationException;
import dev.rapport.crm.revenue.Money;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Association rules, cross-sell and upsell: published examples, the data set, edge cases. */
class ProductAffinityTest {

    /**
     * The market-basket transactions of Tan, Steinbach and Kumar, Introduction to Data Mining
     * (Addison-Wesley, 2006), Table 6.1, and the rule worked in section 6.1:
     * {Milk, Diapers} → {Beer} has support 2/5 = 0.4 and confidence 2/3 ≈ 0.67.
     */
    private static final List<Basket> TAN_TABLE_6_1 = List.of(
            new Basket("1", Set.of("Bread", "Milk")),
            new Basket("2", Set.of("Bread", "Diapers", "Beer", "Eggs")),
            new Basket("3", Set.of("Milk", "Diapers", "Beer", "Cola")),
            new Basket("4", Set.of("Bread", "Milk", "Diapers", "Beer")),
            new Basket("5", Set.of("Bread", "Milk", "Diapers", "Cola")));

    private static AssociationRule rule(List<AssociationRule> rules, List<String> antecedent, String consequent) {
        return rules.stream().filter(r -> r.antecedent().equals(antecedent) && r.consequent().equals(consequent))
                .findFirst().orElseThrow(() -> new AssertionError("no rule " + antecedent + " -> " + consequent));
    }

    @Test
    void tanSteinbachKumarTable61MilkDiapersToBeer() {
        ProductAffinity affinity = ProductAffinity.counter(2).of(TAN_TABLE_6_1);
        AssociationRule r = rule(affinity.rules(RuleThresholds.NONE), List.of("Diapers", "Milk"), "Beer");
        assertThat(r.bothCount()).isEqualTo(2);
        assertThat(r.antecedentCount()).isEqualTo(3);
        assertThat(r.consequentCount()).isEqualTo(3);
        assertThat(r.baskets()).isEqualTo(5);
        assertThat(r.support().value()).isEqualByComparingTo("0.400000");
        assertThat(r.confidence().value()).isEqualByComparingTo("0.666667");
        // lift = confidence / s(Beer) = (2/3) / (3/5) = 10/9
        assertThat(r.lift().numerator()).isEqualByComparingTo("10");
        assertThat(r.lift().denominator()).isEqualByComparingTo("9");
        assertThat(r.lift().value()).isEqualByComparingTo("1.111111");
        assertThat(r.supportingBaskets()).containsExactly("3", "4");
        // the support count of {Milk, Bread, Diapers} in the same section is 2
        assertThat(affinity.count(Set.of("Milk", "Bread", "Diapers"))).isEqualTo(2);
    }

    /**
     * Tan, Steinbach and Kumar, Introduction to Data Mining, section 6.7.1, Table 6.8 (beverage
     * preferences of 1000 people): {Tea} → {Coffee} has support 15% and confidence 75%, yet
     * coffee alone is drunk by 80%, so its interest factor (lift) is 0.75 / 0.8 = 0.9375.
     */
    @Test
    void tanSteinbachKumarTeaAndCoffee() {
        List<Basket> people = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            Set<String> drinks = i < 150 ? Set.of("Tea", "Coffee") : i < 200 ? Set.of("Tea")
                    : i < 850 ? Set.of("Coffee") : Set.of();
            people.add(new Basket("p" + i, drinks));
        }
        AssociationRule r = rule(ProductAffinity.counter(1).of(people).rules(RuleThresholds.NONE), List.of("Tea"),
                "Coffee");
        assertThat(r.support().value()).isEqualByComparingTo("0.15");
        assertThat(r.confidence().value()).isEqualByComparingTo("0.75");
        assertThat(r.lift().value()).isEqualByComparingTo("0.9375");
        assertThat(r.supportingBaskets()).hasSize(150);
        // a minimum lift of 1 drops it; 0.9375 exactly keeps it
        assertThat(ProductAffinity.counter(1).of(people)
                .rules(new RuleThresholds(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ONE))).isEmpty();
        assertThat(ProductAffinity.counter(1).of(people)
                .rules(new RuleThresholds(BigDecimal.ZERO, BigDecimal.ZERO, new BigDecimal("0.9375")))).hasSize(2);
    }

    @Test
    void thresholdsCompareTheExactFraction() {
        // Table 6.1: Diapers -> Beer holds in 3 of 5 baskets, confidence 3/4, lift 3 * 5 / (4 * 3) = 1.25;
        // Beer -> Diapers has confidence 3/3 and the same lift, so it comes first
        ProductAffinity affinity = ProductAffinity.counter(1).of(TAN_TABLE_6_1);
        assertThat(affinity.rules(new RuleThresholds(new BigDecimal("0.6"), new BigDecimal("0.75"), new BigDecimal("1.25"))))
                .extracting(r -> r.antecedent() + "->" + r.consequent())
                .containsExactly("[Beer]->Diapers", "[Diapers]->Beer");
        assertThat(affinity.rules(new RuleThresholds(new BigDecimal("0.6"), new BigDecimal("0.7500001"),
                new BigDecimal("1.25")))).extracting(r -> r.antecedent() + "->" + r.consequent())
                .containsExactly("[Beer]->Diapers");
        // Bread -> Milk and the other pairs of 3 baskets have lift 3 * 5 / (4 * 4) = 0.9375
        assertThat(affinity.rules(new RuleThresholds(new BigDecimal("0.6"), new BigDecimal("0.75"), BigDecimal.ZERO)))
                .hasSize(8);
    }

    @Test
    void rulesAreOrderedByLiftThenConfidenceThenSupport() {
        List<AssociationRule> rules = ProductAffinity.counter(2).of(TAN_TABLE_6_1).rules(RuleThresholds.NONE);
        for (int i = 0; i + 1 < rules.size(); i++) {
            AssociationRule a = rules.get(i);
            AssociationRule b = rules.get(i + 1);
            BigDecimal la = a.lift().numerator().divide(a.lift().denominator(), 30, RoundingMode.HALF_EVEN);
            BigDecimal lb = b.lift().numerator().divide(b.lift().denominator(), 30, RoundingMode.HALF_EVEN);
            assertThat(la).isGreaterThanOrEqualTo(lb);
            if (la.compareTo(lb) == 0) {
                assertThat(a.confidence().value()).isGreaterThanOrEqualTo(b.confidence().value());
            }
        }
        assertThat(rules).hasSizeGreaterThan(10);
    }

    private static final Map<String, CatalogProduct> CATALOG = Map.of(
            "basic", new CatalogProduct("basic", "plan", BigDecimal.ONE),
            "pro", new CatalogProduct("pro", "plan", BigDecimal.valueOf(2)),
            "enterprise", new CatalogProduct("enterprise", "plan", BigDecimal.valueOf(3)),
            "tracker", new CatalogProduct("tracker", "hardware", BigDecimal.ONE));

    @Test
    void suggestionsSplitIntoUpsellAndCrossSellAndSkipDowngrades() {
        List<Basket> baskets = List.of(
                new Basket("a", Set.of("basic", "pro", "tracker")),
                new Basket("b", Set.of("basic", "pro", "tracker")),
                new Basket("c", Set.of("basic", "training")),
                new Basket("d", Set.of("pro", "enterprise")),
                new Basket("e", Set.of("basic")));
        ProductAffinity affinity = ProductAffinity.counter(1).of(baskets);

        List<ProductSuggestion> forBasic = affinity.suggest(Set.of("basic"), CATALOG, RuleThresholds.NONE, 10);
        assertThat(forBasic).extracting(ProductSuggestion::productId, ProductSuggestion::kind,
                ProductSuggestion::upgradesFrom).containsExactly(
                        // basic -> tracker: lift 2 * 5 / (4 * 2) = 1.25, confidence 2/4
                        tuple("tracker", SuggestionKind.CROSS_SELL, null),
                        // basic -> training: lift 1 * 5 / (4 * 1) = 1.25, confidence 1/4
                        tuple("training", SuggestionKind.CROSS_SELL, null),
                        // basic -> pro: lift 2 * 5 / (4 * 3) = 0.833333

                        tuple("pro", SuggestionKind.UPSELL, "basic"));
        ProductSuggestion pro = forBasic.get(2);
        assertThat(pro.rule().antecedent()).containsExactly("basic");
        assertThat(pro.rule().confidence().numerator()).isEqualByComparingTo("2"); // a, b of basic's 4
        assertThat(pro.rule().confidence().denominator()).isEqualByComparingTo("4");
        assertThat(pro.rule().supportingBaskets()).containsExactly("a", "b");

        // holding pro, basic is a downgrade and never suggested; enterprise is the upsell
        List<ProductSuggestion> forPro = affinity.suggest(Set.of("pro"), CATALOG, RuleThresholds.NONE, 10);
        assertThat(forPro).extracting(ProductSuggestion::productId).doesNotContain("basic").contains("enterprise");
        assertThat(forPro).filteredOn(s -> s.productId().equals("enterprise")).singleElement()
                .satisfies(s -> {
                    assertThat(s.kind()).isEqualTo(SuggestionKind.UPSELL);
                    assertThat(s.upgradesFrom()).isEqualTo("pro");
                });
        assertThat(affinity.suggest(Set.of("basic"), CATALOG, RuleThresholds.NONE, 1)).hasSize(1);
    }

    @Test
    void badInputIsRefusedNamingTheField() {
        assertThatThrownBy(() -> new RuleThresholds(new BigDecimal("1.1"), BigDecimal.ZERO, BigDecimal.ZERO))
                .isInstanceOfSatisfying(CrmValidationException.class, e -> assertThat(e.field()).isEqualTo("minSupport"));
        assertThatThrownBy(() -> new RuleThresholds(BigDecimal.ZERO, BigDecimal.ZERO, new BigDecimal("-1")))
                .isInstanceOfSatisfying(CrmValidationException.class, e -> assertThat(e.field()).isEqualTo("minLift"));
        assertThatThrownBy(() -> ProductAffinity.counter(0))
                .isInstanceOfSatisfying(CrmValidationException.class, e -> assertThat(e.field()).isEqualTo("maxAntecedent"));
        assertThatThrownBy(() -> new Basket("x", Set.of(" ")))
                .isInstanceOfSatisfying(CrmValidationException.class, e -> assertThat(e.field()).isEqualTo("items"));
        assertThatThrownBy(() -> ProductAffinity.counter(1).of(TAN_TABLE_6_1).suggest(Set.of(), Map.of(),
                RuleThresholds.NONE, 0))
                .isInstanceOfSatisfying(CrmValidationException.class, e -> assertThat(e.field()).isEqualTo("limit"));
    }

    @Test
    void noBasketsGiveNoRules() {
        ProductAffinity empty = ProductAffinity.counter(1).of(List.<Basket>of());
        assertThat(empty.baskets()).isZero();
        assertThat(empty.rules(RuleThresholds.NONE)).isEmpty();
        assertThat(empty.count(Set.of("x"))).isZero();
    }

    /**
     * The data set's won deals, one basket per account with the products it bought, against a
     * plain count over the CSV rows: every pair rule's counts, and the figures at 6 decimals.
     */
    @Test
    void productsPerAccountAmongWonDealsOfTheDataset() throws IOException {
        List<Deal> won = new ArrayList<>();
        Map<String, String> accountOf = new HashMap<>();
        Map<String, Set<String>> plain = new TreeMap<>();
        for (Map<String, String> row : SalesDatasetTest.csv("sales_pipeline.csv")) {
            if (!row.get("deal_stage").equals("Won")) {
                continue;
            }
            String product = row.get("product").equals("GTXPro") ? "GTX Pro" : row.get("product");
            String id = row.get("opportunity_id");
            accountOf.put(id, row.get("account"));
            won.add(Deal.open(id, row.get("sales_agent"), Money.of(row.get("close_value"), "USD"),
                    LocalDate.parse(row.get("engage_date"))).selling(List.of(product))
                    .won(LocalDate.parse(row.get("close_date"))));
            plain.computeIfAbsent(row.get("account"), a -> new TreeSet<>()).add(product);
        }
        Map<String, CatalogProduct> catalog = new HashMap<>();
        for (Map<String, String> row : SalesDatasetTest.csv("products.csv")) {
            catalog.put(row.get("product"), new CatalogProduct(row.get("product"), row.get("series"),
                    new BigDecimal(row.get("sales_price"))));
        }
        List<Basket> baskets = Basket.ofWonDeals(won, d -> accountOf.get(d.id()));
        assertThat(baskets).hasSize(plain.size());
        ProductAffinity affinity = ProductAffinity.counter(1).of(baskets);
        List<AssociationRule> rules = affinity.rules(RuleThresholds.NONE);

        int n = plain.size();
        int checked = 0;
        for (String a : catalog.keySet()) {
            for (String b : catalog.keySet()) {
                if (a.equals(b)) {
                    continue;
                }
                int nA = 0;
                int nB = 0;
                int nAB = 0;
                List<String> both = new ArrayList<>();
                for (Map.Entry<String, Set<String>> e : plain.entrySet()) {
                    boolean hasA = e.getValue().contains(a);
                    boolean hasB = e.getValue().contains(b);
                    nA += hasA ? 1 : 0;
                    nB += hasB ? 1 : 0;
                    if (hasA && hasB) {
                        nAB++;
                        both.add(e.getKey());
                    }
                }
                if (nAB == 0) {
                    continue;
                }
                AssociationRule r = rule(rules, List.of(a), b);
                assertThat(List.of(r.baskets(), r.antecedentCount(), r.consequentCount(), r.bothCount()))
                        .containsExactly((long) n, (long) nA, (long) nB, (long) nAB);
                assertThat(r.support().value()).isEqualByComparingTo(BigDecimal.valueOf(nAB)
                        .divide(BigDecimal.valueOf(n), 6, RoundingMode.HALF_EVEN));
                assertThat(r.confidence().value()).isEqualByComparingTo(BigDecimal.valueOf(nAB)
                        .divide(BigDecimal.valueOf(nA), 6, RoundingMode.HALF_EVEN));
                assertThat(r.lift().value()).isEqualByComparingTo(BigDecimal.valueOf((long) nAB * n)
                        .divide(BigDecimal.valueOf((long) nA * nB), 6, RoundingMode.HALF_EVEN));
                assertThat(new TreeSet<>(r.supportingBaskets())).containsExactlyElementsOf(both);
                checked++;
            }
        }
        assertThat(checked).isEqualTo(rules.size()).isPositive();

        // an account that bought only the GTX Basic gets only GTX upgrades or other families
        for (ProductSuggestion s : affinity.suggest(Set.of("GTX Basic"), catalog, RuleThresholds.NONE, 10)) {
            CatalogProduct p = catalog.get(s.productId());
            if (p.family().equals("GTX")) {
                assertThat(s.kind()).isEqualTo(SuggestionKind.UPSELL);
                assertThat(p.tier()).isGreaterThan(new BigDecimal("550"));
            } else {
                assertThat(s.kind()).isEqualTo(SuggestionKind.CROSS_SELL);
            }
        }
    }

    @Test
    void suggestionsSerializeToJsonWithPlainJackson() throws Exception {
        ObjectMapper json = new ObjectMapper();
        ProductSuggestion s = ProductAffinity.counter(1).of(TAN_TABLE_6_1)
                .suggest(Set.of("Diapers"), Map.of(), RuleThresholds.NONE, 1).get(0);
        JsonNode node = json.readTree(json.writeValueAsString(s));
        assertThat(node.get("kind").asText()).isEqualTo("CROSS_SELL");
        assertThat(node.get("productId").asText()).isEqualTo("Beer");
        assertThat(node.get("rule").get("lift").get("value").decimalValue()).isEqualByComparingTo("1.25");
        assertThat(node.get("rule").get("supportingBaskets")).hasSize(3);
    }
}
