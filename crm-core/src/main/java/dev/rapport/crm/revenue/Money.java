package dev.rapport.crm.revenue;

import dev.rapport.crm.internal.Checks;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/**
 * An exact amount of one currency. Arithmetic across currencies is refused with
 * {@link CurrencyMismatchException}; convert first through an {@link ExchangeRates} port.
 * Amounts are kept at the currency's minor-unit scale (2 for EUR, 0 for JPY), rounding half-even
 * only when a factor is applied.
 *
 * <pre>{@code
 * Money price = Money.of("120000.00", "EUR");
 * Money total = price.plus(Money.of("500", "EUR"));          // 120500.00 EUR
 * Money share = total.times(new BigDecimal("0.25"));           // 30125.00 EUR
 * }</pre>
 *
 * @param amount the amount, at the currency's scale
 * @param currency the currency
 */
public record Money(BigDecimal amount, Currency currency) implements Comparable<Money> {

    /**
     * Validates and normalizes the amount to the currency's scale.
     *
     * @param amount the amount, at the currency's scale
     * @param currency the currency
     * @throws dev.rapport.crm.CrmValidationException if a part is missing or the amount has more
     *     decimals than the currency allows
     */
    public Money {
        Checks.notNull(amount, "amount");
        Checks.notNull(currency, "currency");
        int scale = scaleOf(currency);
        if (amount.stripTrailingZeros().scale() > scale) {
            throw new dev.rapport.crm.CrmValidationException("amount",
                    "has more than " + scale + " decimals for " + currency.getCurrencyCode());
        }
        amount = amount.setScale(scale, RoundingMode.UNNECESSARY);
    }

    /**
     * An amount from its decimal text and ISO 4217 code.
     *
     * @param amount the amount, e.g. {@code "1200.50"}
     * @param currencyCode the code, e.g. {@code "EUR"}
     * @return the money
     * @throws dev.rapport.crm.CrmValidationException if the amount is not a number or the code unknown
     */
    public static Money of(String amount, String currencyCode) {
        Checks.notNull(amount, "amount");
        BigDecimal value;
        try {
            value = new BigDecimal(amount.strip());
        } catch (NumberFormatException e) {
            throw new dev.rapport.crm.CrmValidationException("amount", "is not a decimal number");
        }
        return new Money(value, currency(currencyCode));
    }

    /**
     * An amount in a currency.
     *
     * @param amount the amount
     * @param currencyCode the ISO 4217 code
     * @return the money
     * @throws dev.rapport.crm.CrmValidationException if the code is unknown or the scale too fine
     */
    public static Money of(BigDecimal amount, String currencyCode) {
        return new Money(amount, currency(currencyCode));
    }

    /**
     * Zero in a currency.
     *
     * @param currency the currency
     * @return zero
     */
    public static Money zero(Currency currency) {
        return new Money(BigDecimal.ZERO, currency);
    }

    /**
     * Zero in a currency.
     *
     * @param currencyCode the ISO 4217 code
     * @return zero
     * @throws dev.rapport.crm.CrmValidationException if the code is unknown
     */
    public static Money zero(String currencyCode) {
        return zero(currency(currencyCode));
    }

    private static Currency currency(String code) {
        String c = Checks.nonBlank(code, "currency");
        try {
            return Currency.getInstance(c.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new dev.rapport.crm.CrmValidationException("currency", "is not an ISO 4217 code");
        }
    }

    private static int scaleOf(Currency currency) {
        int digits = currency.getDefaultFractionDigits();
        return digits < 0 ? 4 : digits;
    }

    /**
     * The sum.
     *
     * @param other an amount in the same currency
     * @return this plus other
     * @throws CurrencyMismatchException if the currencies differ
     */
    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.add(other.amount), currency);
    }

    /**
     * The difference (may be negative).
     *
     * @param other an amount in the same currency
     * @return this minus other
     * @throws CurrencyMismatchException if the currencies differ
     */
    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.subtract(other.amount), currency);
    }

    /**
     * Multiplies by a factor, rounding half-even to the currency's scale.
     *
     * @param factor the factor, e.g. a quantity or a probability
     * @return the product
     */
    public Money times(BigDecimal factor) {
        Objects.requireNonNull(factor, "factor");
        return new Money(amount.multiply(factor).setScale(amount.scale(), RoundingMode.HALF_EVEN), currency);
    }

    /**
     * The negated amount.
     *
     * @return minus this
     */
    public Money negate() {
        return new Money(amount.negate(), currency);
    }

    /**
     * Whether the amount is below zero.
     *
     * @return true if negative
     */
    public boolean isNegative() {
        return amount.signum() < 0;
    }

    /**
     * Whether the amount is zero.
     *
     * @return true if zero
     */
    public boolean isZero() {
        return amount.signum() == 0;
    }

    /**
     * The ISO 4217 code.
     *
     * @return e.g. {@code "EUR"}
     */
    public String currencyCode() {
        return currency.getCurrencyCode();
    }

    /**
     * Compares amounts of the same currency.
     *
     * @param other an amount in the same currency
     * @return negative, zero or positive
     * @throws CurrencyMismatchException if the currencies differ
     */
    @Override
    public int compareTo(Money other) {
        requireSameCurrency(other);
        return amount.compareTo(other.amount);
    }

    private void requireSameCurrency(Money other) {
        Objects.requireNonNull(other, "other");
        if (!currency.equals(other.currency)) {
            throw new CurrencyMismatchException(currency, other.currency);
        }
    }

    @Override
    public String toString() {
        return amount.toPlainString() + " " + currency.getCurrencyCode();
    }
}
