package dev.rapport.crm.metrics;

/**
 * Whether a product suggestion is a cross-sell or an upsell (see {@link ProductAffinity#suggest}).
 *
 * <pre>{@code
 * if (s.kind() == SuggestionKind.UPSELL) { offerUpgrade(s.upgradesFrom(), s.productId()); }
 * }</pre>
 */
public enum SuggestionKind {
    /** A product of a family the customer holds nothing of (or a product the catalog does not know). */
    CROSS_SELL,
    /** A product of a family the customer already holds, of a higher tier than anything held there. */
    UPSELL
}
