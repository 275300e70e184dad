package dev.rapport.crm.metrics;

import dev.rapport.crm.revenue.CurrencyMismatchException;
import dev.rapport.crm.revenue.ExchangeRates;
import dev.rapport.crm.revenue.Money;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Objects;

/**
 * How a money metric treats currencies: every amount is reported in one currency; an amount in
 * another currency is either refused ({@link #strict(String)}) or converted through the host's
 * {@link ExchangeRates} port at the rates of one fixed day ({@link #via}). A fixed day keeps
 * results reproducible and merging exact: the same amount always converts to the same value.
 *
 * <pre>{@code
 * Conversion eurOnly = Conversion.strict("EUR");     // a USD amount throws CurrencyMismatchException
 * Conversion toEur = Conversion.via("EUR", rates, LocalDate.of(2026, 3, 31));
 * }</pre>
 *
 * @param currency the reporting currency
 * @param rates the rates port ({@link ExchangeRates#none()} for strict)
 * @param rateDay the day whose rates are used
 */
public record Conversion(Currency currency, ExchangeRates rates, LocalDate rateDay) {

    /** One instance, so that two strict conversions to the same currency are equal. */
    private static final ExchangeRates NO_RATES = ExchangeRates.none();

    /**
     * Checks the parts are present.
     *
     * @param currency the reporting currency
     * @param rates the rates port
     * @param rateDay the day whose rates are used
     */
    public Conversion {
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(rates, "rates");
        Objects.requireNonNull(rateDay, "rateDay");
    }

    /**
     * One currency only; any other is refused.
     *
     * @param currencyCode the ISO 4217 code
     * @return the conversion
     * @throws dev.rapport.crm.CrmValidationException if the code is unknown
     */
    public static Conversion strict(String currencyCode) {
        return new Conversion(Money.zero(currencyCode).currency(), NO_RATES, LocalDate.EPOCH);
    }

    /**
     * Converts other currencies through a rates port, at one day's rates.
     *
     * @param currencyCode the reporting currency's ISO 4217 code
     * @param rates the host's rates
     * @param rateDay the day of the rates
     * @return the conversion
     * @throws dev.rapport.crm.CrmValidationException if the code is unknown
     */
    public static Conversion via(String currencyCode, ExchangeRates rates, LocalDate rateDay) {
        return new Conversion(Money.zero(currencyCode).currency(), rates, rateDay);
    }

    /**
     * Zero in the reporting currency.
     *
     * @return zero
     */
    public Money zero() {
        return Money.zero(currency);
    }

    /**
     * An amount in the reporting currency.
     *
     * @param money an amount in any currency
     * @return the amount in the reporting currency
     * @throws CurrencyMismatchException if it is in another currency and no rate is known
     */
    public Money toReporting(Money money) {
        Objects.requireNonNull(money, "money");
        return money.currency().equals(currency) ? money : rates.convert(money, currency, rateDay);
    }
}
