package dev.rapport.crm.marketing;

import dev.rapport.crm.internal.Checks;
import java.time.Instant;

/**
 * A campaign touching a lead or contact at an instant.
 *
 * <pre>{@code
 * Touch first = crm.campaigns().attribution(ada.id()).firstTouch().orElseThrow();
 * first.campaignId();
 * }</pre>
 *
 * @param campaignId the campaign
 * @param at when
 */
public record Touch(CampaignId campaignId, Instant at) {
    /**
     * Validates the touch.
     *
     * @param campaignId the campaign
     * @param at when
     * @throws dev.rapport.crm.CrmValidationException if a part is missing
     */
    public Touch {
        Checks.notNull(campaignId, "campaignId");
        Checks.notNull(at, "at");
    }
}
