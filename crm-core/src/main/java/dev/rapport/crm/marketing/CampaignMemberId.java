package dev.rapport.crm.marketing;

import dev.rapport.crm.EntityId;
import dev.rapport.crm.internal.Checks;

/**
 * The id of a membership of a lead or contact in a campaign.
 *
 * <pre>{@code
 * CampaignMemberId id = CampaignMemberId.of("x-1");
 * }</pre>
 *
 * @param value the id, non-blank, at most 128 characters
 */
public record CampaignMemberId(String value) implements EntityId {
    /**
     * Validates the id.
     *
     * @param value the id, non-blank, at most 128 characters
     * @throws dev.rapport.crm.CrmValidationException if it is blank or too long
     */
    public CampaignMemberId {
        value = Checks.nonBlank(value, "campaignMemberId");
        Checks.maxLength(value, 128, "campaignMemberId");
    }

    /**
     * The id from its text.
     *
     * @param value the id
     * @return the typed id
     * @throws dev.rapport.crm.CrmValidationException if it is blank or too long
     */
    public static CampaignMemberId of(String value) {
        return new CampaignMemberId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
