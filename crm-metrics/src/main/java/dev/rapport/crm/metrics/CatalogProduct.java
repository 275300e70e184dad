package dev.rapport.crm.metrics;

import java.math.BigDecimal;

/**
 * A product as {@link ProductAffinity#suggest} classifies suggestions: its family (a product
 * line, such as the plans of one subscription) and its tier within the family (a plan's rank, or
 * its list price: any number that grows with value). A bigger plan or a larger pack is modelled
 * as another product of the same family with a higher tier.
 *
 * <pre>{@code
 * CatalogProduct basic = new CatalogProduct("GTX Basic", "GTX", new BigDecimal("550"));
 * CatalogProduct pro = new CatalogProduct("GTX Pro", "GTX", new BigDecimal("4821"));
 * }</pre>
 *
 * @param productId the product's id, as it appears in baskets
 * @param family the family (product line) it belongs to
 * @param tier its rank within the family; higher means more value
 */
public record CatalogProduct(String productId, String family, BigDecimal tier) {

    /**
     * Checks the parts are present.
     *
     * @param productId the product's id
     * @param family the family
     * @param tier its rank within the family
     * @throws dev.rapport.crm.CrmValidationException naming the missing or blank part
     */
    public CatalogProduct {
        Inputs.id(productId, "productId");
        Inputs.id(family, "family");
        Inputs.present(tier, "tier");
    }
}
