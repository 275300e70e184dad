package dev.rapport.crm.revenue;

import dev.rapport.crm.party.AccountId;
import dev.rapport.crm.party.ContactId;
import dev.rapport.crm.spi.AggregateStore;
import java.time.LocalDate;
import java.util.List;

/**
 * The store port for subscriptions, with the indexed look-ups the services need.
 *
 * <pre>{@code
 * List<Subscription> due = tx.subscriptions().findRenewalsBetween(firstOfMonth, lastOfMonth);
 * }</pre>
 */
public interface SubscriptionStore extends AggregateStore<SubscriptionId, Subscription> {
    /**
     * The subscriptions of an account, ordered by id.
     *
     * @param accountId the account
     * @return the subscriptions
     */
    List<Subscription> findByAccount(AccountId accountId);

    /**
     * The subscriptions whose contact person is a contact, ordered by id.
     *
     * @param contactId the contact
     * @return the subscriptions
     */
    List<Subscription> findByContact(ContactId contactId);

    /**
     * The subscriptions in a status, ordered by id.
     *
     * @param status the status
     * @return the subscriptions
     */
    List<Subscription> findByStatus(SubscriptionStatus status);

    /**
     * The subscriptions that have not ended (TRIAL, ACTIVE or PAUSED) whose renewal date is in a
     * range, ordered by renewal date, then id. Implementations use an index on the renewal date.
     *
     * @param from the first day, included
     * @param to the last day, included
     * @return the subscriptions
     */
    List<Subscription> findRenewalsBetween(LocalDate from, LocalDate to);
}
