package dev.rapport.crm.metrics;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Product co-occurrence counted over {@link Basket}s, and the association rules, cross-sell and
 * upsell suggestions read from it. Build it in one pass with {@link #counter(int)}; it counts
 * every set of up to {@code maxAntecedent + 1} products found together in a basket, so memory is
 * bounded by the number of distinct product sets (plus the supporting basket ids unless
 * {@link Metric#withoutIds()} is used), and a basket of {@code m} products costs
 * {@code C(m, 1) + ... + C(m, maxAntecedent + 1)} updates.
 *
 * <p>Rules have one product as consequent and one or more as antecedent; their figures are
 * defined in {@link AssociationRule}. Thresholds ({@link RuleThresholds}) compare the exact
 * fractions. Rules are ordered, deterministically, by lift, then confidence, then support (each
 * compared exactly, highest first), then by fewer antecedent products, then by antecedent and
 * consequent names.
 *
 * <pre>{@code
 * ProductAffinity affinity = ProductAffinity.counter(1).of(Basket.ofWonDeals(deals, accountOf));
 * RuleThresholds t = new RuleThresholds(new BigDecimal("0.02"), new BigDecimal("0.3"), BigDecimal.ONE);
 * List<AssociationRule> rules = affinity.rules(t);
 * List<ProductSuggestion> next = affinity.suggest(Set.of("GTX Basic"), catalog, t, 3);
 * }</pre>
 */
public final class ProductAffinity {

    private final int maxAntecedent;
    private final long baskets;
    private final Map<List<String>, Long> counts;
    private final Map<List<String>, List<String>> supporting;

    private ProductAffinity(int maxAntecedent, long baskets, Map<List<String>, Long> counts,
            Map<List<String>, List<String>> supporting) {
        this.maxAntecedent = maxAntecedent;
        this.baskets = baskets;
        this.counts = counts;
        this.supporting = supporting;
    }

    /**
     * Counts co-occurrence for rules whose antecedent has up to {@code maxAntecedent} products.
     * One product ({@code 1}) gives the usual "bought X, also bought Y" rules.
     *
     * @param maxAntecedent the largest antecedent, 1 to 3
     * @return the metric; its result is the counted affinity
     * @throws dev.rapport.crm.CrmValidationException on {@code "maxAntecedent"} when out of range
     */
    public static Metric<Basket, ProductAffinity> counter(int maxAntecedent) {
        Inputs.check(maxAntecedent >= 1 && maxAntecedent <= 3, "maxAntecedent", "must be between 1 and 3");
        return new SimpleMetric<>(keep -> new Acc(maxAntecedent, keep));
    }

    /**
     * How many baskets were counted.
     *
     * @return N
     */
    public long baskets() {
        return baskets;
    }

    /**
     * How many baskets hold every given product.
     *
     * @param products one to {@code maxAntecedent + 1} products
     * @return n(products); 0 when never seen together
     * @throws dev.rapport.crm.CrmValidationException on {@code "products"} when empty or larger
     *     than what was counted
     */
    public long count(Set<String> products) {
        Inputs.present(products, "products");
        Inputs.check(!products.isEmpty() && products.size() <= maxAntecedent + 1, "products",
                "must hold 1 to " + (maxAntecedent + 1) + " products");
        return counts.getOrDefault(sorted(products), 0L);
    }

    /**
     * The rules that pass the thresholds, in the documented order.
     *
     * @param thresholds minimum support, confidence and lift
     * @return the rules
     */
    public List<AssociationRule> rules(RuleThresholds thresholds) {
        Objects.requireNonNull(thresholds, "thresholds");
        List<AssociationRule> out = new ArrayList<>();
        for (Map.Entry<List<String>, Long> e : counts.entrySet()) {
            List<String> set = e.getKey();
            if (set.size() < 2) {
                continue;
            }
            long both = e.getValue();
            for (int i = 0; i < set.size(); i++) {
                List<String> antecedent = new ArrayList<>(set);
                String consequent = antecedent.remove(i);
                long nA = counts.get(antecedent);
                long nB = counts.get(List.of(consequent));
                if (passes(both, nA, nB, thresholds)) {
                    out.add(AssociationRule.of(antecedent, consequent, baskets, nA, nB, both,
                            supporting.getOrDefault(set, List.of())));
                }
            }
        }
        out.sort(ORDER);
        return List.copyOf(out);
    }

    /**
     * Cross-sell and upsell suggestions for a customer holding some products: for each product
     * the customer lacks, the first rule (in the documented order) that passes the thresholds and
     * whose antecedent the customer holds. The product is then
     *
     * <ul>
     *   <li>an <b>upsell</b> when the catalog puts it in a family the customer already holds a
     *       product of, at a higher tier than every product held in that family (a bigger plan, a
     *       premium edition, a larger pack);</li>
     *   <li>left out when it is in such a family at the same or a lower tier (a downgrade or a
     *       sideways move is not suggested);</li>
     *   <li>a <b>cross-sell</b> otherwise: a family the customer holds nothing of, or a product the
     *       catalog does not list.</li>
     * </ul>
     *
     * Suggestions come in the order of their rules.
     *
     * @param owned the customer's products
     * @param catalog family and tier of products, by product id (may be empty: then everything is
     *     a cross-sell)
     * @param thresholds minimum support, confidence and lift
     * @param limit the most suggestions to return, at least 1
     * @return the suggestions
     * @throws dev.rapport.crm.CrmValidationException on {@code "limit"} when below 1
     */
    public List<ProductSuggestion> suggest(Set<String> owned, Map<String, CatalogProduct> catalog,
            RuleThresholds thresholds, int limit) {
        Inputs.present(owned, "owned");
        Inputs.present(catalog, "catalog");
        Inputs.check(limit >= 1, "limit", "must be at least 1");
        List<ProductSuggestion> out = new ArrayList<>();
        Set<String> done = new HashSet<>();
        for (AssociationRule rule : rules(thresholds)) {
            String product = rule.consequent();
            if (out.size() == limit) {
                break;
            }
            if (owned.contains(product) || !owned.containsAll(rule.antecedent()) || done.contains(product)) {
                continue;
            }
            done.add(product);
            @Nullable CatalogProduct offered = catalog.get(product);
            @Nullable CatalogProduct top = offered == null ? null : topHeld(owned, catalog, offered.family());
            if (top == null) {
                out.add(new ProductSuggestion(SuggestionKind.CROSS_SELL, product, null, rule));
            } else if (offered.tier().compareTo(top.tier()) > 0) {
                out.add(new ProductSuggestion(SuggestionKind.UPSELL, product, top.productId(), rule));
            }
        }
        return List.copyOf(out);
    }

    /** The highest-tier product held in a family (ties: the smallest id), or null. */
    private static @Nullable CatalogProduct topHeld(Set<String> owned, Map<String, CatalogProduct> catalog, String family) {
        @Nullable CatalogProduct top = null;
        for (String p : owned) {
            CatalogProduct c = catalog.get(p);
            if (c != null && c.family().equals(family) && (top == null || c.tier().compareTo(top.tier()) > 0
                    || c.tier().compareTo(top.tier()) == 0 && c.productId().compareTo(top.productId()) < 0)) {
                top = c;
            }
        }
        return top;
    }

    private boolean passes(long both, long nA, long nB, RuleThresholds t) {
        BigDecimal ab = BigDecimal.valueOf(both);
        BigDecimal n = BigDecimal.valueOf(baskets);
        return ab.compareTo(t.minSupport().multiply(n)) >= 0
                && ab.compareTo(t.minConfidence().multiply(BigDecimal.valueOf(nA))) >= 0
                && ab.multiply(n).compareTo(t.minLift().multiply(BigDecimal.valueOf(nA)).multiply(BigDecimal.valueOf(nB))) >= 0;
    }

    /** a/b against c/d exactly, for positive denominators. */
    private static int compareFractions(Ratio x, Ratio y) {
        return x.numerator().multiply(y.denominator()).compareTo(y.numerator().multiply(x.denominator()));
    }

    private static final Comparator<AssociationRule> ORDER = ((Comparator<AssociationRule>) (a, b) ->
            compareFractions(b.lift(), a.lift()))
            .thenComparing((a, b) -> compareFractions(b.confidence(), a.confidence()))
            .thenComparing((a, b) -> compareFractions(b.support(), a.support()))
            .thenComparingInt(r -> r.antecedent().size())
            .thenComparing(r -> String.join("\u0000", r.antecedent()))
            .thenComparing(AssociationRule::consequent);

    private static List<String> sorted(Set<String> products) {
        List<String> list = new ArrayList<>(products);
        Collections.sort(list);
        return List.copyOf(list);
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof ProductAffinity that && maxAntecedent == that.maxAntecedent && baskets == that.baskets
                && counts.equals(that.counts) && supporting.equals(that.supporting);
    }

    @Override
    public int hashCode() {
        return Objects.hash(maxAntecedent, baskets, counts);
    }

    @Override
    public String toString() {
        return "ProductAffinity[baskets=" + baskets + ", itemSets=" + counts.size() + "]";
    }

    /** Counts per product set, and the baskets holding each set of two or more. */
    private static final class Acc implements Accumulator<Basket, ProductAffinity> {
        private final int maxAntecedent;
        private final boolean keep;
        private final Map<List<String>, long[]> counts = new HashMap<>();
        private final Map<List<String>, Ids> ids = new HashMap<>();
        private long baskets;

        Acc(int maxAntecedent, boolean keep) {
            this.maxAntecedent = maxAntecedent;
            this.keep = keep;
        }

        @Override
        public void add(Basket basket) {
            Objects.requireNonNull(basket, "basket");
            List<String> items = List.copyOf(basket.items());
            baskets++;
            subsets(items, 0, new ArrayList<>(), basket.id());
        }

        /** Counts every subset of 1 to maxAntecedent + 1 items, in name order. */
        private void subsets(List<String> items, int from, List<String> current, String basketId) {
            for (int i = from; i < items.size(); i++) {
                current.add(items.get(i));
                List<String> key = List.copyOf(current);
                counts.computeIfAbsent(key, k -> new long[1])[0]++;
                if (key.size() >= 2 && keep) {
                    ids.computeIfAbsent(key, k -> new Ids(true)).add(basketId);
                }
                if (current.size() <= maxAntecedent) {
                    subsets(items, i + 1, current, basketId);
                }
                current.remove(current.size() - 1);
            }
        }

        @Override
        public void merge(Accumulator<Basket, ProductAffinity> other) {
            Acc that = SimpleMetric.same(this, other, Acc.class, a -> a.maxAntecedent);
            baskets += that.baskets;
            that.counts.forEach((k, v) -> counts.computeIfAbsent(k, x -> new long[1])[0] += v[0]);
            that.ids.forEach((k, v) -> ids.computeIfAbsent(k, x -> new Ids(true)).addAll(v));
        }

        @Override
        public ProductAffinity result() {
            Map<List<String>, Long> c = new LinkedHashMap<>();
            counts.forEach((k, v) -> c.put(k, v[0]));
            Map<List<String>, List<String>> s = new LinkedHashMap<>();
            ids.forEach((k, v) -> s.put(k, v.list()));
            return new ProductAffinity(maxAntecedent, baskets, Collections.unmodifiableMap(c),
                    Collections.unmodifiableMap(s));
        }
    }
}
