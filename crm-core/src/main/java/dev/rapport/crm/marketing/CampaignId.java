package dev.rapport.crm.marketing;

import dev.rapport.crm.EntityId;
import dev.rapport.crm.internal.Checks;

/**
 * The id of a marketing campaign.
 *
 * <pre>{@code
 * CampaignId id = CampaignId.of("x-1");
 * }</pre>
 *
 * @param value the id, non-blank, at most 128 characters
 */
public record CampaignId(String value) implements EntityId {
    /**
     * Validates the id.
     *
     * @param value the id, non-blank, at most 128 characters
     * @throws dev.rapport.crm.CrmValidationException if it is blank or too long
     */
    public CampaignId {
        value = Checks.nonBlank(value, "campaignId");
        Checks.maxLength(value, 128, "campaignId");
    }

    /**
     * The id from its text.
     *
     * @param value the id
     * @return the typed id
     * @throws dev.rapport.crm.CrmValidationException if it is blank or too long
     */
    public static CampaignId of(String value) {
        return new CampaignId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
