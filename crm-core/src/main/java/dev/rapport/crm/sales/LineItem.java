package dev.rapport.crm.sales;

import dev.rapport.crm.CrmValidationException;
import dev.rapport.crm.internal.Checks;
import dev.rapport.crm.revenue.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * One line of an opportunity: a product of the host's catalogue (by id), a quantity, a unit
 * price and a discount.
 *
 * <p>The discount is a <em>percentage</em> of the line's gross amount, in [0, 100] (a percentage
 * rather than an amount, so it stays right when the quantity changes). The
 * {@linkplain #total() total} is computed exactly as {@code unitPrice × quantity × (100 − discount)
 * / 100} and rounded once, half-even, to the currency's minor unit.
 *
 * <pre>{@code
 * LineItem seats = LineItem.of(ProductId.of("seat-licence"), 40, Money.of("120.00", "EUR"))
 *         .withDiscount(new BigDecimal("12.5"));
 * seats.total();   // 4200.00 EUR
 * }</pre>
 *
 * @param productId the host's product
 * @param quantity how many, above zero (fractions allowed, e.g. hours)
 * @param unitPrice the price of one unit, not negative
 * @param discountPercent the discount in percent, in [0, 100]
 */
public record LineItem(ProductId productId, BigDecimal quantity, Money unitPrice, BigDecimal discountPercent) {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /**
     * Validates the line and normalizes its numbers (no trailing zeros).
     *
     * @param productId the host's product
     * @param quantity how many, above zero (fractions allowed, e.g. hours)
     * @param unitPrice the price of one unit, not negative
     * @param discountPercent the discount in percent, in [0, 100]
     * @throws CrmValidationException naming {@code productId}, {@code quantity},
     *     {@code unitPrice} or {@code discount}
     */
    public LineItem {
        Checks.notNull(productId, "productId");
        Checks.notNull(quantity, "quantity");
        Checks.check(quantity.signum() > 0, "quantity", "must be above zero");
        quantity = normalized(quantity);
        Checks.notNull(unitPrice, "unitPrice");
        Checks.check(!unitPrice.isNegative(), "unitPrice", "must not be negative");
        Checks.notNull(discountPercent, "discount");
        Checks.check(discountPercent.signum() >= 0 && discountPercent.compareTo(HUNDRED) <= 0, "discount",
                "must be a percentage between 0 and 100");
        discountPercent = normalized(discountPercent);
    }

    private static BigDecimal normalized(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /**
     * A line without discount.
     *
     * @param productId the product
     * @param quantity how many, above zero
     * @param unitPrice the price of one unit
     * @return the line
     * @throws CrmValidationException if a value is invalid
     */
    public static LineItem of(ProductId productId, int quantity, Money unitPrice) {
        return new LineItem(productId, BigDecimal.valueOf(quantity), unitPrice, BigDecimal.ZERO);
    }

    /**
     * A line without discount.
     *
     * @param productId the product
     * @param quantity how many, above zero
     * @param unitPrice the price of one unit
     * @return the line
     * @throws CrmValidationException if a value is invalid
     */
    public static LineItem of(ProductId productId, BigDecimal quantity, Money unitPrice) {
        return new LineItem(productId, quantity, unitPrice, BigDecimal.ZERO);
    }

    /**
     * A copy with a discount.
     *
     * @param percent the discount in percent, in [0, 100]
     * @return the copy
     * @throws CrmValidationException naming {@code discount} if it is out of range
     */
    public LineItem withDiscount(BigDecimal percent) {
        return new LineItem(productId, quantity, unitPrice, percent);
    }

    /**
     * A copy with another quantity.
     *
     * @param newQuantity the quantity, above zero
     * @return the copy
     * @throws CrmValidationException naming {@code quantity} if it is not above zero
     */
    public LineItem withQuantity(BigDecimal newQuantity) {
        return new LineItem(productId, newQuantity, unitPrice, discountPercent);
    }

    /**
     * The amount before discount: unit price times quantity, rounded half-even to the currency.
     *
     * @return the gross amount
     */
    public Money gross() {
        return rounded(unitPrice.amount().multiply(quantity));
    }

    /**
     * The amount of the line: unit price × quantity × (100 − discount) / 100, computed exactly
     * and rounded once, half-even, to the currency's minor unit.
     *
     * @return the total
     */
    public Money total() {
        BigDecimal exact = unitPrice.amount().multiply(quantity).multiply(HUNDRED.subtract(discountPercent))
                .movePointLeft(2);
        return rounded(exact);
    }

    private Money rounded(BigDecimal exact) {
        return new Money(exact.setScale(unitPrice.amount().scale(), RoundingMode.HALF_EVEN), unitPrice.currency());
    }
}
