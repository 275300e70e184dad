package dev.rapport.crm.metrics;

import dev.rapport.crm.CrmValidationException;
import dev.rapport.crm.marketing.Attribution;
import dev.rapport.crm.marketing.Campaign;
import dev.rapport.crm.marketing.CampaignId;
import dev.rapport.crm.marketing.Touch;
import java.util.Map;
import java.util.Objects;

/**
 * A customer acquired through a channel in the measured period (attributed first or last touch,
 * as the host's attribution decides).
 *
 * <pre>{@code
 * new NewCustomer("acct-9", "events");
 * }</pre>
 *
 * @param id the customer's id
 * @param channel the channel credited with the acquisition
 */
public record NewCustomer(String id, String channel) implements AcquisitionEntry {

    /**
     * Checks the parts.
     *
     * @param id the customer's id
     * @param channel the channel
     * @throws dev.rapport.crm.CrmValidationException if a part is blank
     */
    public NewCustomer {
        Inputs.id(id, "id");
        Inputs.id(channel, "channel");
    }

    /** The channel credited with customers no campaign touched. */
    public static final String DIRECT = "DIRECT";

    /**
     * A customer acquired, credited to the channel of the campaign that touched it first or last
     * (crm-core's attribution), or to {@link #DIRECT} when no campaign touched it.
     *
     * @param attribution the customer's attribution
     * @param campaigns the campaigns by id
     * @param model first touch or last touch
     * @return the acquisition
     * @throws CrmValidationException on {@code "campaignId"} if the touch's campaign is not given
     */
    public static NewCustomer attributed(Attribution attribution, Map<CampaignId, Campaign> campaigns,
            TouchModel model) {
        Objects.requireNonNull(attribution, "attribution");
        Objects.requireNonNull(campaigns, "campaigns");
        Objects.requireNonNull(model, "model");
        Touch touch = (model == TouchModel.FIRST_TOUCH ? attribution.firstTouch() : attribution.lastTouch()).orElse(null);
        if (touch == null) {
            return new NewCustomer(attribution.memberId().value(), DIRECT);
        }
        Campaign campaign = campaigns.get(touch.campaignId());
        if (campaign == null) {
            throw new CrmValidationException("campaignId", "is not among the given campaigns");
        }
        return new NewCustomer(attribution.memberId().value(), campaign.channel().name());
    }
}
