package dev.rapport.crm.marketing;

import dev.rapport.crm.field.CustomFields;
import dev.rapport.crm.field.FieldValue;
import dev.rapport.crm.CrmValidationException;
import dev.rapport.crm.internal.Checks;
import dev.rapport.crm.revenue.Money;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * The command to create a campaign, in status {@link CampaignStatus#PLANNED}. Immutable: every
 * method returns a new command. A budget is required (it may be zero: its currency is the
 * currency of the campaign's costs). Without a period, the campaign starts on the day of the
 * command (in the clock's zone) and is open-ended.
 *
 * <pre>{@code
 * Campaign c = crm.campaigns().create(NewCampaign.named("Spring launch", CampaignChannel.EMAIL)
 *         .period(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 5, 31))
 *         .budget(Money.of("5000.00", "EUR")));
 * }</pre>
 *
 * @param name the name
 * @param channel the channel
 * @param startDate the first day, or null for the day of the command
 * @param endDate the last day, or null if open-ended
 * @param budget the budget; required when the campaign is created
 * @param customFields custom field values
 */
public record NewCampaign(String name, CampaignChannel channel, @Nullable LocalDate startDate,
        @Nullable LocalDate endDate, @Nullable Money budget, CustomFields customFields) {

    /**
     * Validates the command.
     *
     * @param name the name
     * @param channel the channel
     * @param startDate the first day, or null for the day of the command
     * @param endDate the last day, or null if open-ended
     * @param budget the budget; required when the campaign is created
     * @param customFields custom field values
     * @throws CrmValidationException naming the field if a value is invalid
     */
    public NewCampaign {
        Checks.notNull(customFields, "customFields");
        name = Checks.maxLength(Checks.nonBlank(name, "name"), 200, "name");
        Checks.notNull(channel, "channel");
        if (endDate != null && startDate != null && endDate.isBefore(startDate)) {
            throw new CrmValidationException("endDate", "must not be before the start date");
        }
        if (endDate != null && startDate == null) {
            throw new CrmValidationException("startDate", "is required when an end date is given");
        }
        if (budget != null && budget.isNegative()) {
            throw new CrmValidationException("budget", "must not be negative");
        }
    }

    /**
     * A campaign with a name on a channel.
     *
     * @param name the name
     * @param channel the channel
     * @return the command
     * @throws CrmValidationException naming the field if a part is missing
     */
    public static NewCampaign named(String name, CampaignChannel channel) {
        return new NewCampaign(name, channel, null, null, null, CustomFields.empty());
    }

    /**
     * Running over a period.
     *
     * @param start the first day
     * @param end the last day, or null if open-ended
     * @return the command
     * @throws CrmValidationException naming {@code endDate} if it is before the start
     */
    public NewCampaign period(LocalDate start, @Nullable LocalDate end) {
        return new NewCampaign(name, channel, Checks.notNull(start, "startDate"), end, budget, customFields);
    }

    /**
     * With a budget.
     *
     * @param value the budget, not negative
     * @return the command
     * @throws CrmValidationException naming {@code budget} if it is negative
     */
    public NewCampaign budget(Money value) {
        return new NewCampaign(name, channel, startDate, endDate, Checks.notNull(value, "budget"), customFields);
    }

    /**
     * With a custom field value (checked against the schema when the command runs).
     *
     * @param key the field key
     * @param value the value
     * @return the command
     */
    public NewCampaign field(String key, FieldValue value) {
        return new NewCampaign(name, channel, startDate, endDate, budget, customFields.with(key, value));
    }
}
