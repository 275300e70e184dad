package dev.rapport.crm.metrics;

import dev.rapport.crm.revenue.Money;
import java.time.LocalDate;

/**
 * One purchase by a customer, as RFM segmentation and purchase-based value metrics read it.
 *
 * <pre>{@code
 * Purchase p = new Purchase("order-1", "cust-7", LocalDate.of(2026, 3, 2), Money.of("59.90", "EUR"));
 * }</pre>
 *
 * @param id the purchase's id
 * @param customerId the buyer's id (a contact or account id, as the host keys customers)
 * @param date the day of the purchase
 * @param amount what was paid (negative for a refund)
 */
public record Purchase(String id, String customerId, LocalDate date, Money amount) {

    /**
     * Checks every part is present.
     *
     * @param id the purchase's id
     * @param customerId the buyer's id
     * @param date the day of the purchase
     * @param amount what was paid
     * @throws dev.rapport.crm.CrmValidationException naming the missing or blank part
     */
    public Purchase {
        Inputs.id(id, "id");
        Inputs.id(customerId, "customerId");
        Inputs.present(date, "date");
        Inputs.present(amount, "amount");
    }
}
