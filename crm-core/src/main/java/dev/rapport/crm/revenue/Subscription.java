package dev.rapport.crm.revenue;

import dev.rapport.crm.Aggregate;
import dev.rapport.crm.CrmValidationException;
import dev.rapport.crm.TenantId;
import dev.rapport.crm.field.CustomFields;
import dev.rapport.crm.internal.Checks;
import dev.rapport.crm.party.AccountId;
import dev.rapport.crm.party.ContactId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A subscription or contract of an account: a plan with its monthly recurring revenue (MRR), a
 * billing period, a start and a renewal date, a status, and the complete history of its MRR and
 * status changes.
 *
 * <p>{@link #mrr()} is the plan's price per month, kept while the subscription is in a trial,
 * paused or ended, so that converting, resuming or reactivating restores it.
 * {@link #currentMrr()} is what the subscription brings now: the MRR while ACTIVE, zero otherwise.
 * The {@link #history()} is chained from zero to the current MRR (see {@link SubscriptionChange});
 * its dates never go backwards. Every amount is in the MRR's currency.
 *
 * <pre>{@code
 * Subscription sub = crm.subscriptions().start(NewSubscription.of(acme.id(), "Pro", Money.of("490.00", "EUR"))
 *         .billing(BillingPeriod.ANNUAL));
 * sub = crm.subscriptions().changeMrr(sub.id(), Money.of("690.00", "EUR"));   // EXPANSION
 * sub.history();   // [NEW 0.00 -> 490.00, EXPANSION 490.00 -> 690.00]
 * }</pre>
 *
 * @param id the id
 * @param tenantId the tenant
 * @param version the version, 1 when started
 * @param accountId the customer account
 * @param contactId the customer's contact person, or null
 * @param plan the plan's name, e.g. {@code "Pro"}
 * @param mrr the plan's monthly recurring revenue, not negative
 * @param billingPeriod how often it is billed and renewed
 * @param contractValue the total contract value, in the MRR's currency, or null
 * @param startDate the day it started
 * @param renewalDate the day it is next up for renewal, not before the start
 * @param endDate the day it ended (cancelled or expired), or null while it has not
 * @param status the status
 * @param cancellationReason why it was cancelled, or null unless it is CANCELLED
 * @param history every MRR and status change, oldest first
 * @param customFields custom field values
 * @param createdAt when it was created
 * @param updatedAt when it was last changed
 */
public record Subscription(SubscriptionId id, TenantId tenantId, long version, AccountId accountId,
        @Nullable ContactId contactId, String plan, Money mrr, BillingPeriod billingPeriod,
        @Nullable Money contractValue, LocalDate startDate, LocalDate renewalDate, @Nullable LocalDate endDate,
        SubscriptionStatus status, @Nullable String cancellationReason, List<SubscriptionChange> history,
        CustomFields customFields, Instant createdAt, Instant updatedAt) implements Aggregate<SubscriptionId> {

    /**
     * Validates the subscription.
     *
     * @param id the id
     * @param tenantId the tenant
     * @param version the version, 1 when started
     * @param accountId the customer account
     * @param contactId the customer's contact person, or null
     * @param plan the plan's name, e.g. {@code "Pro"}
     * @param mrr the plan's monthly recurring revenue, not negative
     * @param billingPeriod how often it is billed and renewed
     * @param contractValue the total contract value, in the MRR's currency, or null
     * @param startDate the day it started
     * @param renewalDate the day it is next up for renewal, not before the start
     * @param endDate the day it ended (cancelled or expired), or null while it has not
     * @param status the status
     * @param cancellationReason why it was cancelled, or null unless it is CANCELLED
     * @param history every MRR and status change, oldest first
     * @param customFields custom field values
     * @param createdAt when it was created
     * @param updatedAt when it was last changed
     * @throws CrmValidationException naming the field if a value is missing or invalid, or the
     *     history does not lead from zero to the current MRR
     * @throws CurrencyMismatchException if an amount is not in the MRR's currency
     */
    public Subscription {
        Checks.notNull(id, "id");
        Checks.notNull(tenantId, "tenantId");
        Checks.version(version);
        Checks.notNull(accountId, "accountId");
        plan = Checks.maxLength(Checks.nonBlank(plan, "plan"), 200, "plan");
        Checks.notNull(mrr, "mrr");
        if (mrr.isNegative()) {
            throw new CrmValidationException("mrr", "must not be negative");
        }
        Checks.notNull(billingPeriod, "billingPeriod");
        if (contractValue != null) {
            sameCurrency(mrr, contractValue);
            if (contractValue.isNegative()) {
                throw new CrmValidationException("contractValue", "must not be negative");
            }
        }
        Checks.notNull(startDate, "startDate");
        Checks.notNull(renewalDate, "renewalDate");
        if (renewalDate.isBefore(startDate)) {
            throw new CrmValidationException("renewalDate", "must not be before startDate");
        }
        Checks.notNull(status, "status");
        if (status.isEnded() != (endDate != null)) {
            throw new CrmValidationException("endDate", status.isEnded()
                    ? "is required when the subscription is " + status : "must be empty while it is " + status);
        }
        if (endDate != null && endDate.isBefore(startDate)) {
            throw new CrmValidationException("endDate", "must not be before startDate");
        }
        cancellationReason = Checks.maxLength(Checks.optional(cancellationReason), 500, "cancellationReason");
        if ((status == SubscriptionStatus.CANCELLED) != (cancellationReason != null)) {
            throw new CrmValidationException("cancellationReason", status == SubscriptionStatus.CANCELLED
                    ? "is required when the subscription is CANCELLED" : "must be empty unless it is CANCELLED");
        }
        history = Checks.list(history, "history");
        checkHistory(history, startDate, status == SubscriptionStatus.ACTIVE ? mrr : Money.zero(mrr.currency()));
        Checks.notNull(customFields, "customFields");
        Checks.notNull(createdAt, "createdAt");
        Checks.notNull(updatedAt, "updatedAt");
        if (updatedAt.isBefore(createdAt)) {
            throw new CrmValidationException("updatedAt", "must not be before createdAt");
        }
    }

    private static void checkHistory(List<SubscriptionChange> history, LocalDate startDate, Money current) {
        if (history.isEmpty()) {
            throw new CrmValidationException("history", "must record at least the start");
        }
        Money running = Money.zero(current.currency());
        LocalDate last = startDate;
        for (SubscriptionChange change : history) {
            sameCurrency(current, change.previousMrr());
            sameCurrency(current, change.newMrr());
            if (!change.previousMrr().equals(running)) {
                throw new CrmValidationException("history", "must start each change where the one before ended");
            }
            if (change.date().isBefore(last)) {
                throw new CrmValidationException("history", "must be in date order, from the start date on");
            }
            running = change.newMrr();
            last = change.date();
        }
        if (!running.equals(current)) {
            throw new CrmValidationException("history", "must end at the current MRR");
        }
    }

    private static void sameCurrency(Money expected, Money actual) {
        if (!expected.currency().equals(actual.currency())) {
            throw new CurrencyMismatchException(expected.currency(), actual.currency());
        }
    }

    /**
     * What the subscription brings per month now: its MRR while ACTIVE, zero in a trial, paused or
     * ended. Always equal to the last history entry's new MRR.
     *
     * @return the current MRR
     */
    public Money currentMrr() {
        return status == SubscriptionStatus.ACTIVE ? mrr : Money.zero(mrr.currency());
    }

    /**
     * The last change in the history.
     *
     * @return the latest change
     */
    public SubscriptionChange lastChange() {
        return history.get(history.size() - 1);
    }

    /**
     * A copy with another plan and MRR from a day on. While ACTIVE, a higher MRR records an
     * EXPANSION and a lower one a CONTRACTION; in a trial or paused, only the price changes.
     *
     * @param newPlan the plan's name
     * @param newMrr the plan's MRR
     * @param on the day the change takes effect
     * @return the copy (same version)
     * @throws CrmValidationException naming {@code status} if the subscription has ended, or
     *     {@code effectiveDate} if the day is before its last change
     * @throws CurrencyMismatchException if the MRR is in another currency
     */
    public Subscription withPlan(String newPlan, Money newMrr, LocalDate on) {
        Checks.notNull(newMrr, "mrr");
        sameCurrency(mrr, newMrr);
        if (status.isEnded()) {
            throw new CrmValidationException("status", "a " + status + " subscription cannot change its plan;"
                    + " reactivate it first");
        }
        List<SubscriptionChange> next = history;
        if (status == SubscriptionStatus.ACTIVE && newMrr.compareTo(mrr) != 0) {
            next = append(new SubscriptionChange(checkDate(on), newMrr.compareTo(mrr) > 0
                    ? SubscriptionChangeKind.EXPANSION : SubscriptionChangeKind.CONTRACTION, mrr, newMrr));
        }
        return new Subscription(id, tenantId, version, accountId, contactId, newPlan, newMrr, billingPeriod,
                contractValue, startDate, renewalDate, endDate, status, cancellationReason, next, customFields,
                createdAt, updatedAt);
    }

    /**
     * A copy moved to another status from a day on, with the history entry the move records:
     * a converted trial records NEW; pausing PAUSE; resuming RESUME; cancelling or expiring CHURN
     * (TRIAL_ENDED for a trial); reactivating REACTIVATION (NEW if it never billed). Ending sets the
     * end date to the day; reactivating clears it and starts a new term from the day.
     *
     * @param next the status
     * @param on the day the move takes effect
     * @param reason why it was cancelled (required for CANCELLED, otherwise ignored)
     * @return the copy (same version)
     * @throws CrmValidationException naming {@code status} if the move is not allowed,
     *     {@code effectiveDate} if the day is before the last change, or {@code reason} if a
     *     cancellation has none
     */
    public Subscription moveTo(SubscriptionStatus next, LocalDate on, @Nullable String reason) {
        Checks.notNull(next, "status");
        if (!status.canBecome(next)) {
            throw new CrmValidationException("status", "cannot move from " + status + " to " + next);
        }
        checkDate(on);
        Money zero = Money.zero(mrr.currency());
        Money before = currentMrr();
        SubscriptionChangeKind kind = switch (next) {
            case ACTIVE -> switch (status) {
                case TRIAL -> SubscriptionChangeKind.NEW;
                case PAUSED -> SubscriptionChangeKind.RESUME;
                default -> hasBilled() ? SubscriptionChangeKind.REACTIVATION : SubscriptionChangeKind.NEW;
            };
            case PAUSED -> SubscriptionChangeKind.PAUSE;
            case CANCELLED, EXPIRED -> status == SubscriptionStatus.TRIAL
                    ? SubscriptionChangeKind.TRIAL_ENDED : SubscriptionChangeKind.CHURN;
            case TRIAL -> throw new IllegalStateException("no move leads to TRIAL");
        };
        Money after = next == SubscriptionStatus.ACTIVE ? mrr : zero;
        String why = null;
        if (next == SubscriptionStatus.CANCELLED) {
            why = Checks.maxLength(Checks.nonBlank(reason, "reason"), 500, "reason");
        }
        LocalDate end = next.isEnded() ? on : null;
        LocalDate renewal = renewalDate;
        if (status.isEnded()) {
            renewal = billingPeriod.after(on);
        }
        return new Subscription(id, tenantId, version, accountId, contactId, plan, mrr, billingPeriod, contractValue,
                startDate, renewal, end, next, why, append(new SubscriptionChange(on, kind, before, after)),
                customFields, createdAt, updatedAt);
    }

    /**
     * A copy renewed on a day until a new renewal date, recording a RENEWAL.
     *
     * @param newRenewalDate the next renewal date, after the current one
     * @param on the day of the renewal
     * @return the copy (same version)
     * @throws CrmValidationException naming {@code status} if the subscription is not ACTIVE or
     *     PAUSED, {@code renewalDate} if the new date is not after the current one, or
     *     {@code effectiveDate} if the day is before the last change
     */
    public Subscription renewedUntil(LocalDate newRenewalDate, LocalDate on) {
        Checks.notNull(newRenewalDate, "renewalDate");
        if (status != SubscriptionStatus.ACTIVE && status != SubscriptionStatus.PAUSED) {
            throw new CrmValidationException("status", "a " + status + " subscription cannot be renewed");
        }
        if (!newRenewalDate.isAfter(renewalDate)) {
            throw new CrmValidationException("renewalDate", "must be after the current renewal date");
        }
        checkDate(on);
        Money current = currentMrr();
        return new Subscription(id, tenantId, version, accountId, contactId, plan, mrr, billingPeriod, contractValue,
                startDate, newRenewalDate, endDate, status, cancellationReason,
                append(new SubscriptionChange(on, SubscriptionChangeKind.RENEWAL, current, current)), customFields,
                createdAt, updatedAt);
    }

    /**
     * Whether the subscription ever brought revenue (a NEW entry in its history).
     *
     * @return true if it has billed
     */
    public boolean hasBilled() {
        return history.stream().anyMatch(c -> c.kind() == SubscriptionChangeKind.NEW);
    }

    private LocalDate checkDate(LocalDate on) {
        Checks.notNull(on, "effectiveDate");
        if (on.isBefore(lastChange().date())) {
            throw new CrmValidationException("effectiveDate", "must not be before the subscription's last change");
        }
        return on;
    }

    private List<SubscriptionChange> append(SubscriptionChange change) {
        List<SubscriptionChange> next = new ArrayList<>(history);
        next.add(change);
        return next;
    }

    /**
     * A copy for another account (used when two accounts are merged).
     *
     * @param newAccount the account
     * @return the copy
     */
    public Subscription withAccount(AccountId newAccount) {
        return new Subscription(id, tenantId, version, newAccount, contactId, plan, mrr, billingPeriod, contractValue,
                startDate, renewalDate, endDate, status, cancellationReason, history, customFields, createdAt,
                updatedAt);
    }

    /**
     * A copy with another contact person.
     *
     * @param newContact the contact, or null
     * @return the copy
     */
    public Subscription withContact(@Nullable ContactId newContact) {
        return new Subscription(id, tenantId, version, accountId, newContact, plan, mrr, billingPeriod, contractValue,
                startDate, renewalDate, endDate, status, cancellationReason, history, customFields, createdAt,
                updatedAt);
    }

    /**
     * A copy with another contract value.
     *
     * @param value the contract value in the MRR's currency, or null
     * @return the copy
     * @throws CurrencyMismatchException if it is in another currency
     */
    public Subscription withContractValue(@Nullable Money value) {
        return new Subscription(id, tenantId, version, accountId, contactId, plan, mrr, billingPeriod, value,
                startDate, renewalDate, endDate, status, cancellationReason, history, customFields, createdAt,
                updatedAt);
    }

    /**
     * A copy with other custom field values.
     *
     * @param values the values
     * @return the copy
     */
    public Subscription withCustomFields(CustomFields values) {
        return new Subscription(id, tenantId, version, accountId, contactId, plan, mrr, billingPeriod, contractValue,
                startDate, renewalDate, endDate, status, cancellationReason, history, values, createdAt, updatedAt);
    }

    /**
     * A copy at another version, stamped with the time of a change (used by the service when storing).
     *
     * @param next the version
     * @param at the time of the change
     * @return the copy
     */
    public Subscription withVersion(long next, Instant at) {
        return new Subscription(id, tenantId, next, accountId, contactId, plan, mrr, billingPeriod, contractValue,
                startDate, renewalDate, endDate, status, cancellationReason, history, customFields, createdAt, at);
    }

    @Override
    public String toString() {
        return "Subscription[id=" + id + ", version=" + version + ", status=" + status + "]";
    }
}
