package dev.rapport.crm.activity;

import dev.rapport.crm.CrmValidationException;
import dev.rapport.crm.internal.Checks;
import dev.rapport.crm.revenue.Money;

/**
 * What a {@link ActivityType#PURCHASE} activity bought: the host's order id and the order's total.
 *
 * <pre>{@code
 * NewActivity.of(ActivityType.PURCHASE, Channel.WEB)
 *         .contact(ada.id())
 *         .purchase(new Purchase("SO-1042", Money.of("249.90", "EUR")));
 * }</pre>
 *
 * @param orderId the host's order id, non-blank, at most 128 characters
 * @param total the order total, not negative
 */
public record Purchase(String orderId, Money total) {
    /**
     * Validates the purchase.
     *
     * @param orderId the host's order id, non-blank, at most 128 characters
     * @param total the order total, not negative
     * @throws CrmValidationException naming {@code purchase.orderId} or {@code purchase.total}
     */
    public Purchase {
        orderId = Checks.maxLength(Checks.nonBlank(orderId, "purchase.orderId"), 128, "purchase.orderId");
        Checks.notNull(total, "purchase.total");
        if (total.isNegative()) {
            throw new CrmValidationException("purchase.total", "must not be negative");
        }
    }
}
