package dev.rapport.crm.metrics;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One cross-sell or upsell suggestion for a customer, with the association rule behind it: its
 * support, confidence and lift, their counts, and the baskets that support it.
 *
 * <pre>{@code
 * for (ProductSuggestion s : affinity.suggest(owned, catalog, thresholds, 3)) {
 *     show(s.kind(), s.productId(), s.rule().confidence().value(), s.rule().lift().value());
 * }
 * }</pre>
 *
 * @param kind cross-sell or upsell
 * @param productId the product suggested (the rule's consequent)
 * @param upgradesFrom for an upsell, the highest-tier product the customer holds in the family
 *     (ties by id); null for a cross-sell
 * @param rule the rule the suggestion comes from; its antecedent is among the customer's products
 */
public record ProductSuggestion(SuggestionKind kind, String productId, @Nullable String upgradesFrom,
        AssociationRule rule) {

    /**
     * Checks the parts agree.
     *
     * @param kind cross-sell or upsell
     * @param productId the product suggested
     * @param upgradesFrom the product upgraded from, for an upsell only
     * @param rule the rule behind the suggestion
     * @throws IllegalArgumentException if the product is not the rule's consequent, or an upsell
     *     lacks (or a cross-sell has) the product it upgrades from
     */
    public ProductSuggestion {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(productId, "productId");
        Objects.requireNonNull(rule, "rule");
        if (!productId.equals(rule.consequent())) {
            throw new IllegalArgumentException("the product suggested is the rule's consequent");
        }
        if ((kind == SuggestionKind.UPSELL) != (upgradesFrom != null)) {
            throw new IllegalArgumentException("an upsell names the product it upgrades from; a cross-sell none");
        }
    }
}
