package dev.rapport.crm.revenue;

import java.time.LocalDate;

/**
 * How often a subscription is billed and renewed. The recurring revenue is always stated per month
 * (MRR), whatever the period.
 *
 * <pre>{@code
 * BillingPeriod.QUARTERLY.after(LocalDate.of(2026, 1, 31));   // 2026-04-30
 * }</pre>
 */
public enum BillingPeriod {
    /** Every month. */
    MONTHLY(1),
    /** Every three months. */
    QUARTERLY(3),
    /** Every year. */
    ANNUAL(12);

    private final int months;

    BillingPeriod(int months) {
        this.months = months;
    }

    /**
     * The length of the period.
     *
     * @return the number of months
     */
    public int months() {
        return months;
    }

    /**
     * The date one period after a date (the last day of the month when the day does not exist).
     *
     * @param date the date
     * @return the date one period later
     */
    public LocalDate after(LocalDate date) {
        return date.plusMonths(months);
    }
}
