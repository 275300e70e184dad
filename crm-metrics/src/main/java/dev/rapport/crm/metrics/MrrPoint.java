package dev.rapport.crm.metrics;

import dev.rapport.crm.revenue.Money;
import java.time.LocalDate;

/**
 * From a day on, a subscription brings this MRR (zero while in a trial, paused or ended): one
 * line of a subscription's MRR history.
 *
 * <pre>{@code
 * new MrrPoint(LocalDate.of(2026, 1, 1), Money.of("490.00", "EUR"));
 * }</pre>
 *
 * @param date the day the MRR took effect
 * @param mrr the MRR from that day on (not negative)
 */
public record MrrPoint(LocalDate date, Money mrr) {

    /**
     * Checks the parts.
     *
     * @param date the day the MRR took effect
     * @param mrr the MRR from that day on
     * @throws dev.rapport.crm.CrmValidationException if a part is missing or the MRR negative
     */
    public MrrPoint {
        Inputs.present(date, "date");
        Inputs.present(mrr, "mrr");
        Inputs.check(!mrr.isNegative(), "mrr", "must not be negative");
    }
}
