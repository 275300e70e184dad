package dev.rapport.crm.metrics;

import dev.rapport.crm.CrmValidationException;
import dev.rapport.crm.revenue.CurrencyMismatchException;
import dev.rapport.crm.revenue.Money;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * Customer lifetime value, LTV:CAC and CAC payback from given inputs (averages the host already
 * has, or that the other calculators produced). Each returns a result with its numerator and
 * denominator, so the figure can be explained; a zero denominator (no churn, no margin) is
 * {@link MetricStatus#UNDEFINED} rather than an infinite value.
 *
 * <pre>{@code
 * MoneyRatio clv = CustomerValue.marginClv(Money.of("100.00", "EUR"), new BigDecimal("0.80"),
 *     new BigDecimal("0.05"));                                   // 1600.00 EUR
 * Ratio ratio = CustomerValue.ltvToCac(clv.valueIfDefined().orElseThrow(), Money.of("400.00", "EUR"));  // 4.000000
 * }</pre>
 */
public final class CustomerValue {

    private CustomerValue() {
    }

    /**
     * Simple CLV: revenue per period times the expected lifetime {@code 1 / churn}, that is
     * {@code ARPA / churn}.
     *
     * @param revenuePerPeriod average revenue per customer per period
     * @param churnRate the share of customers lost per period, in [0, 1]
     * @return the value; undefined when the churn rate is 0
     * @throws CrmValidationException if the churn rate is outside [0, 1]
     */
    public static MoneyRatio simpleClv(Money revenuePerPeriod, BigDecimal churnRate) {
        Inputs.present(revenuePerPeriod, "revenuePerPeriod");
        Inputs.fraction(churnRate, "churnRate");
        return MoneyRatio.of(revenuePerPeriod, churnRate, 1, List.of());
    }

    /**
     * Margin-adjusted CLV: {@code ARPA × gross margin / churn}. The margin per period is rounded
     * half-even to the currency's minor unit before the division.
     *
     * @param revenuePerPeriod average revenue per customer per period
     * @param grossMargin the gross margin, in [0, 1]
     * @param churnRate the share of customers lost per period, in [0, 1]
     * @return the value; undefined when the churn rate is 0
     * @throws CrmValidationException if the margin or the churn rate is outside [0, 1]
     */
    public static MoneyRatio marginClv(Money revenuePerPeriod, BigDecimal grossMargin, BigDecimal churnRate) {
        Inputs.present(revenuePerPeriod, "revenuePerPeriod");
        Inputs.fraction(grossMargin, "grossMargin");
        Inputs.fraction(churnRate, "churnRate");
        return MoneyRatio.of(revenuePerPeriod.times(grossMargin), churnRate, 1, List.of());
    }

    /**
     * Discounted CLV over an infinite horizon with constant retention (Gupta and Lehmann):
     * {@code m × r / (1 + d − r)}, where {@code m} is the margin per period, {@code r} the
     * retention rate and {@code d} the discount rate per period. The numerator {@code m × r} is
     * rounded half-even to the minor unit before the division.
     *
     * @param marginPerPeriod the margin a customer brings per period
     * @param retentionRate the share of customers kept per period, in [0, 1]
     * @param discountRate the discount rate per period, at least 0
     * @return the value; undefined when {@code 1 + d − r} is 0 (full retention, no discount)
     * @throws CrmValidationException if a rate is out of range
     */
    public static MoneyRatio discountedClv(Money marginPerPeriod, BigDecimal retentionRate, BigDecimal discountRate) {
        Inputs.present(marginPerPeriod, "marginPerPeriod");
        Inputs.fraction(retentionRate, "retentionRate");
        Inputs.present(discountRate, "discountRate");
        Inputs.check(discountRate.signum() >= 0, "discountRate", "must not be negative");
        BigDecimal denominator = BigDecimal.ONE.add(discountRate).subtract(retentionRate);
        return MoneyRatio.of(marginPerPeriod.times(retentionRate), denominator, 1, List.of());
    }

    /**
     * LTV:CAC, the lifetime value of a customer over the cost of acquiring one.
     *
     * @param lifetimeValue the lifetime value
     * @param acquisitionCost the acquisition cost, same currency
     * @return the ratio; undefined when the cost is 0
     * @throws CurrencyMismatchException if the currencies differ
     */
    public static Ratio ltvToCac(Money lifetimeValue, Money acquisitionCost) {
        sameCurrency(lifetimeValue, acquisitionCost);
        return Ratio.of(lifetimeValue.amount(), acquisitionCost.amount(), 1, List.of());
    }

    /**
     * CAC payback in periods: {@code CAC / (ARPA × gross margin)}, how many periods of margin
     * repay the cost of acquiring a customer.
     *
     * @param acquisitionCost the acquisition cost per customer
     * @param revenuePerPeriod average revenue per customer per period, same currency
     * @param grossMargin the gross margin, in [0, 1]
     * @return the number of periods; undefined when the margin per period is 0
     * @throws CurrencyMismatchException if the currencies differ
     * @throws CrmValidationException if the margin is outside [0, 1]
     */
    public static Ratio cacPaybackPeriods(Money acquisitionCost, Money revenuePerPeriod, BigDecimal grossMargin) {
        sameCurrency(acquisitionCost, revenuePerPeriod);
        Inputs.fraction(grossMargin, "grossMargin");
        return Ratio.of(acquisitionCost.amount(), revenuePerPeriod.amount().multiply(grossMargin), 1, List.of());
    }

    private static void sameCurrency(Money a, Money b) {
        Inputs.present(a, "amount");
        Inputs.present(b, "amount");
        if (!Objects.equals(a.currency(), b.currency())) {
            throw new CurrencyMismatchException(a.currency(), b.currency());
        }
    }
}
