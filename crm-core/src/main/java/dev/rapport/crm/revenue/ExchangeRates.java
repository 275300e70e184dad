package dev.rapport.crm.revenue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Optional;

/**
 * The port through which amounts in different currencies are converted. The host implements it
 * from its own rate source; without one, Rapport refuses to mix currencies.
 *
 * <pre>{@code
 * ExchangeRates rates = (from, to, day) -> Optional.of(new BigDecimal("1.08"));
 * Money usd = rates.convert(Money.of("100.00", "EUR"), Currency.getInstance("USD"), day);
 * }</pre>
 */
@FunctionalInterface
public interface ExchangeRates {
    /**
     * The rate to multiply an amount in {@code from} by to get {@code to}, valid on a day.
     *
     * @param from the source currency
     * @param to the target currency
     * @param day the day of the rate
     * @return the rate, or empty if the host has none
     */
    Optional<BigDecimal> rate(Currency from, Currency to, LocalDate day);

    /**
     * Converts an amount.
     *
     * @param money the amount
     * @param to the target currency
     * @param day the day of the rate
     * @return the converted amount, rounded half-even to the target's scale
     * @throws CurrencyMismatchException if no rate is known
     */
    default Money convert(Money money, Currency to, LocalDate day) {
        if (money.currency().equals(to)) {
            return money;
        }
        BigDecimal rate = rate(money.currency(), to, day)
                .orElseThrow(() -> new CurrencyMismatchException(money.currency(), to));
        int scale = Math.max(0, to.getDefaultFractionDigits());
        return new Money(money.amount().multiply(rate).setScale(scale, java.math.RoundingMode.HALF_EVEN), to);
    }

    /**
     * A port that knows no rates: every conversion between different currencies is refused.
     *
     * @return the port
     */
    static ExchangeRates none() {
        return (from, to, day) -> Optional.empty();
    }
}
