package dev.rapport.crm.metrics;

import dev.rapport.crm.revenue.Money;

/**
 * One customer's monthly recurring revenue at the start and at the end of a period, the input of
 * MRR movements, revenue retention and churn. {@code activeBefore} says whether the customer paid
 * at any time before the period; it tells a reactivation from a new customer.
 *
 * <pre>{@code
 * CustomerMrr c = new CustomerMrr("cust-1", Money.of("100.00", "EUR"), Money.of("120.00", "EUR"), true);
 * }</pre>
 *
 * @param customerId the customer
 * @param startMrr MRR at the start of the period (zero if not paying)
 * @param endMrr MRR at the end of the period (zero if not paying)
 * @param activeBefore whether the customer paid before the period started
 */
public record CustomerMrr(String customerId, Money startMrr, Money endMrr, boolean activeBefore) {

    /**
     * Checks the parts.
     *
     * @param customerId the customer
     * @param startMrr MRR at the start of the period
     * @param endMrr MRR at the end of the period
     * @param activeBefore whether the customer paid before the period started
     * @throws dev.rapport.crm.CrmValidationException if a part is missing or an MRR is negative
     */
    public CustomerMrr {
        Inputs.id(customerId, "customerId");
        Inputs.present(startMrr, "startMrr");
        Inputs.present(endMrr, "endMrr");
        Inputs.check(!startMrr.isNegative(), "startMrr", "must not be negative");
        Inputs.check(!endMrr.isNegative(), "endMrr", "must not be negative");
    }
}
