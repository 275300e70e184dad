package dev.rapport.crm.marketing;

import dev.rapport.crm.field.CustomFields;
import dev.rapport.crm.Aggregate;
import dev.rapport.crm.CrmValidationException;
import dev.rapport.crm.TenantId;
import dev.rapport.crm.internal.Checks;
import dev.rapport.crm.revenue.Money;
import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A marketing campaign: a channel, a period, a budget and what it actually cost. The budget and
 * the actual cost are in one currency and never negative; the cost only grows, through
 * {@link CampaignService#recordCost}.
 *
 * <p>Members (leads and contacts) are not part of this aggregate: see {@link CampaignMember}.
 *
 * <pre>{@code
 * Campaign spring = crm.campaigns().create(NewCampaign.named("Spring launch", CampaignChannel.EMAIL)
 *         .period(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 5, 31))
 *         .budget(Money.of("5000.00", "EUR")));
 * crm.campaigns().recordCost(spring.id(), Money.of("1200.00", "EUR"));
 * }</pre>
 *
 * @param id the id
 * @param tenantId the tenant
 * @param version the version, 1 when created
 * @param name the name, at most 200 characters
 * @param channel the channel
 * @param status where it stands
 * @param startDate the first day
 * @param endDate the last day, or null if open-ended; not before {@code startDate}
 * @param budget the planned spend, not negative
 * @param actualCost the spend so far, not negative, in the budget's currency
 * @param createdAt when it was created
 * @param updatedAt when it was last changed
 * @param customFields custom field values
 */
public record Campaign(CampaignId id, TenantId tenantId, long version, String name, CampaignChannel channel,
        CampaignStatus status, LocalDate startDate, @Nullable LocalDate endDate, Money budget, Money actualCost,
        Instant createdAt, Instant updatedAt, CustomFields customFields) implements Aggregate<CampaignId> {

    /**
     * Validates the campaign.
     *
     * @param id the id
     * @param tenantId the tenant
     * @param version the version, 1 when created
     * @param name the name, at most 200 characters
     * @param channel the channel
     * @param status where it stands
     * @param startDate the first day
     * @param endDate the last day, or null if open-ended; not before {@code startDate}
     * @param budget the planned spend, not negative
     * @param actualCost the spend so far, not negative, in the budget's currency
     * @param createdAt when it was created
     * @param updatedAt when it was last changed
     * @param customFields custom field values
     * @throws CrmValidationException naming the field if a value is missing or invalid
     */
    public Campaign {
        Checks.notNull(customFields, "customFields");
        Checks.notNull(id, "id");
        Checks.notNull(tenantId, "tenantId");
        Checks.version(version);
        name = Checks.maxLength(Checks.nonBlank(name, "name"), 200, "name");
        Checks.notNull(channel, "channel");
        Checks.notNull(status, "status");
        Checks.notNull(startDate, "startDate");
        if (endDate != null && endDate.isBefore(startDate)) {
            throw new CrmValidationException("endDate", "must not be before the start date");
        }
        Checks.notNull(budget, "budget");
        if (budget.isNegative()) {
            throw new CrmValidationException("budget", "must not be negative");
        }
        Checks.notNull(actualCost, "actualCost");
        if (actualCost.isNegative()) {
            throw new CrmValidationException("actualCost", "must not be negative");
        }
        if (!actualCost.currency().equals(budget.currency())) {
            throw new CrmValidationException("actualCost", "must be in the budget's currency");
        }
        Checks.notNull(createdAt, "createdAt");
        Checks.notNull(updatedAt, "updatedAt");
        if (updatedAt.isBefore(createdAt)) {
            throw new CrmValidationException("updatedAt", "must not be before createdAt");
        }
    }

    /**
     * A copy with another name.
     *
     * @param newName the name
     * @return the copy
     */
    public Campaign withName(String newName) {
        return new Campaign(id, tenantId, version, newName, channel, status, startDate, endDate, budget, actualCost,
                createdAt, updatedAt, customFields);
    }

    /**
     * A copy with another channel.
     *
     * @param newChannel the channel
     * @return the copy
     */
    public Campaign withChannel(CampaignChannel newChannel) {
        return new Campaign(id, tenantId, version, name, newChannel, status, startDate, endDate, budget, actualCost,
                createdAt, updatedAt, customFields);
    }

    /**
     * A copy with another period.
     *
     * @param newStart the first day
     * @param newEnd the last day, or null if open-ended
     * @return the copy
     */
    public Campaign withPeriod(LocalDate newStart, @Nullable LocalDate newEnd) {
        return new Campaign(id, tenantId, version, name, channel, status, newStart, newEnd, budget, actualCost,
                createdAt, updatedAt, customFields);
    }

    /**
     * A copy with another budget, in the same currency as the actual cost.
     *
     * @param newBudget the budget
     * @return the copy
     */
    public Campaign withBudget(Money newBudget) {
        return new Campaign(id, tenantId, version, name, channel, status, startDate, endDate, newBudget, actualCost,
                createdAt, updatedAt, customFields);
    }

    Campaign withStatus(CampaignStatus newStatus) {
        return new Campaign(id, tenantId, version, name, channel, newStatus, startDate, endDate, budget, actualCost,
                createdAt, updatedAt, customFields);
    }

    Campaign withActualCost(Money newCost) {
        return new Campaign(id, tenantId, version, name, channel, status, startDate, endDate, budget, newCost,
                createdAt, updatedAt, customFields);
    }

    Campaign stored(long nextVersion, Instant at) {
        return new Campaign(id, tenantId, nextVersion, name, channel, status, startDate, endDate, budget, actualCost,
                createdAt, at, customFields);
    }

    @Override
    public String toString() {
        return "Campaign[id=" + id + ", version=" + version + ", channel=" + channel + ", status=" + status + "]";
    }

    /**
     * A copy with other custom field values (checked against the schema when stored).
     *
     * @param newFields the values
     * @return the copy
     */
    public Campaign withCustomFields(CustomFields newFields) {
        return new Campaign(id, tenantId, version, name, channel, status, startDate, endDate, budget, actualCost, createdAt, updatedAt, newFields);
    }
}
