package dev.rapport.crm.metrics;

import dev.rapport.crm.revenue.Money;
import dev.rapport.crm.revenue.Subscription;
import java.time.LocalDate;

/**
 * A renewal an owner looks after, as {@link NextBestActions} reads it.
 *
 * <pre>{@code
 * Renewal r = Renewal.of(subscription, "ada");
 * Renewal s = new Renewal("contract-9", "acct-3", "ada", LocalDate.of(2026, 6, 30), Money.of("1200.00", "EUR"));
 * }</pre>
 *
 * @param id the renewal's id (a subscription or contract id)
 * @param customerId the customer renewing
 * @param ownerId the owner of the customer relationship
 * @param renewsOn the renewal day
 * @param amount what renews (the MRR at stake)
 */
public record Renewal(String id, String customerId, String ownerId, LocalDate renewsOn, Money amount) {

    /**
     * Checks the parts are present.
     *
     * @param id the renewal's id
     * @param customerId the customer renewing
     * @param ownerId the owner
     * @param renewsOn the renewal day
     * @param amount what renews
     * @throws dev.rapport.crm.CrmValidationException naming the missing or blank part
     */
    public Renewal {
        Inputs.id(id, "id");
        Inputs.id(customerId, "customerId");
        Inputs.id(ownerId, "ownerId");
        Inputs.present(renewsOn, "renewsOn");
        Inputs.present(amount, "amount");
    }

    /**
     * A crm-core subscription's next renewal: its id, account, renewal date and plan MRR.
     *
     * @param subscription the subscription
     * @param ownerId who looks after it (subscriptions carry no owner; hosts usually take the
     *     account's owner)
     * @return the renewal
     */
    public static Renewal of(Subscription subscription, String ownerId) {
        Inputs.present(subscription, "subscription");
        return new Renewal(subscription.id().value(), subscription.accountId().value(), ownerId,
                subscription.renewalDate(), subscription.mrr());
    }
}
