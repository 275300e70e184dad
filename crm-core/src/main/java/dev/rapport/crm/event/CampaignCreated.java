package dev.rapport.crm.event;

import dev.rapport.crm.EntityId;
import dev.rapport.crm.internal.Checks;
import dev.rapport.crm.marketing.CampaignChannel;
import dev.rapport.crm.marketing.CampaignId;
import java.util.List;

/**
 * A marketing campaign was created.
 *
 * <pre>{@code
 * crm.events().subscribe(CampaignCreated.class, e -> System.out.println(e.channel()));
 * }</pre>
 *
 * @param meta the event's id, tenant, time and actor
 * @param campaignId the campaign
 * @param channel its channel
 */
public record CampaignCreated(EventMeta meta, CampaignId campaignId, CampaignChannel channel) implements CrmEvent {
    /**
     * Validates the event.
     *
     * @param meta the event's id, tenant, time and actor
     * @param campaignId the campaign
     * @param channel its channel
     * @throws dev.rapport.crm.CrmValidationException if a required part is missing
     */
    public CampaignCreated {
        Checks.notNull(meta, "meta");
        Checks.notNull(campaignId, "campaignId");
        Checks.notNull(channel, "channel");
    }

    @Override
    public List<EntityId> subjects() {
        return Subjects.of(campaignId);
    }
}
