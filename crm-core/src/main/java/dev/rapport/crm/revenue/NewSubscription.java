package dev.rapport.crm.revenue;

import dev.rapport.crm.CrmValidationException;
import dev.rapport.crm.field.CustomFields;
import dev.rapport.crm.field.FieldValue;
import dev.rapport.crm.internal.Checks;
import dev.rapport.crm.party.AccountId;
import dev.rapport.crm.party.ContactId;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * The command to start a subscription. Immutable: every method returns a new command. Without a
 * start date it starts on the day of the command (from the CRM's clock, in UTC); without a renewal
 * date it is up for renewal one billing period after the start.
 *
 * <pre>{@code
 * Subscription sub = crm.subscriptions().start(NewSubscription.of(acme.id(), "Pro", Money.of("490.00", "EUR"))
 *         .billing(BillingPeriod.ANNUAL)
 *         .contractValue(Money.of("5880.00", "EUR"))
 *         .startingOn(LocalDate.of(2026, 1, 1)));
 * }</pre>
 *
 * @param accountId the customer account, which must exist
 * @param contactId the customer's contact person, or null
 * @param plan the plan's name
 * @param mrr the plan's monthly recurring revenue, not negative
 * @param billingPeriod how often it is billed and renewed
 * @param contractValue the total contract value in the MRR's currency, or null
 * @param startDate the day it starts, or null for the day of the command
 * @param renewalDate the first renewal date, or null for one period after the start
 * @param trial whether it starts in a trial (no revenue until {@code activate})
 * @param customFields custom field values
 */
public record NewSubscription(AccountId accountId, @Nullable ContactId contactId, String plan, Money mrr,
        BillingPeriod billingPeriod, @Nullable Money contractValue, @Nullable LocalDate startDate,
        @Nullable LocalDate renewalDate, boolean trial, CustomFields customFields) {

    /**
     * Validates the command.
     *
     * @param accountId the customer account, which must exist
     * @param contactId the customer's contact person, or null
     * @param plan the plan's name
     * @param mrr the plan's monthly recurring revenue, not negative
     * @param billingPeriod how often it is billed and renewed
     * @param contractValue the total contract value in the MRR's currency, or null
     * @param startDate the day it starts, or null for the day of the command
     * @param renewalDate the first renewal date, or null for one period after the start
     * @param trial whether it starts in a trial (no revenue until {@code activate})
     * @param customFields custom field values
     * @throws CrmValidationException naming the field if a value is missing or invalid
     * @throws CurrencyMismatchException if the contract value is not in the MRR's currency
     */
    public NewSubscription {
        Checks.notNull(accountId, "accountId");
        plan = Checks.maxLength(Checks.nonBlank(plan, "plan"), 200, "plan");
        Checks.notNull(mrr, "mrr");
        if (mrr.isNegative()) {
            throw new CrmValidationException("mrr", "must not be negative");
        }
        Checks.notNull(billingPeriod, "billingPeriod");
        if (contractValue != null) {
            if (!contractValue.currency().equals(mrr.currency())) {
                throw new CurrencyMismatchException(mrr.currency(), contractValue.currency());
            }
            if (contractValue.isNegative()) {
                throw new CrmValidationException("contractValue", "must not be negative");
            }
        }
        if (startDate != null && renewalDate != null && renewalDate.isBefore(startDate)) {
            throw new CrmValidationException("renewalDate", "must not be before startDate");
        }
        Checks.notNull(customFields, "customFields");
    }

    /**
     * A monthly subscription of an account to a plan.
     *
     * @param accountId the account
     * @param plan the plan's name
     * @param mrr the plan's monthly recurring revenue
     * @return the command
     * @throws CrmValidationException naming the field if a value is missing or the MRR negative
     */
    public static NewSubscription of(AccountId accountId, String plan, Money mrr) {
        return new NewSubscription(accountId, null, plan, mrr, BillingPeriod.MONTHLY, null, null, null, false,
                CustomFields.empty());
    }

    /**
     * With a contact person.
     *
     * @param value the contact, which must exist
     * @return the command
     */
    public NewSubscription contact(ContactId value) {
        return new NewSubscription(accountId, value, plan, mrr, billingPeriod, contractValue, startDate, renewalDate,
                trial, customFields);
    }

    /**
     * With a billing period.
     *
     * @param value the period
     * @return the command
     */
    public NewSubscription billing(BillingPeriod value) {
        return new NewSubscription(accountId, contactId, plan, mrr, value, contractValue, startDate, renewalDate,
                trial, customFields);
    }

    /**
     * With a total contract value.
     *
     * @param value the value, in the MRR's currency
     * @return the command
     * @throws CurrencyMismatchException if it is in another currency
     */
    public NewSubscription contractValue(Money value) {
        return new NewSubscription(accountId, contactId, plan, mrr, billingPeriod, value, startDate, renewalDate,
                trial, customFields);
    }

    /**
     * Starting on a day.
     *
     * @param value the start date
     * @return the command
     * @throws CrmValidationException naming {@code renewalDate} if the renewal date is before it
     */
    public NewSubscription startingOn(LocalDate value) {
        return new NewSubscription(accountId, contactId, plan, mrr, billingPeriod, contractValue,
                Checks.notNull(value, "startDate"), renewalDate, trial, customFields);
    }

    /**
     * With a first renewal date.
     *
     * @param value the renewal date
     * @return the command
     * @throws CrmValidationException naming {@code renewalDate} if it is before the start date
     */
    public NewSubscription renewingOn(LocalDate value) {
        return new NewSubscription(accountId, contactId, plan, mrr, billingPeriod, contractValue, startDate,
                Checks.notNull(value, "renewalDate"), trial, customFields);
    }

    /**
     * Starting in a trial: no revenue until it is activated.
     *
     * @return the command
     */
    public NewSubscription inTrial() {
        return new NewSubscription(accountId, contactId, plan, mrr, billingPeriod, contractValue, startDate,
                renewalDate, true, customFields);
    }

    /**
     * With a custom field value.
     *
     * @param key the field key
     * @param value the value
     * @return the command
     */
    public NewSubscription field(String key, FieldValue value) {
        return new NewSubscription(accountId, contactId, plan, mrr, billingPeriod, contractValue, startDate,
                renewalDate, trial, customFields.with(key, value));
    }
}
