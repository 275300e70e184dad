package dev.rapport.crm.marketing;

import dev.rapport.crm.spi.AggregateStore;
import java.util.List;

/**
 * The store port for campaigns, with the indexed look-ups the services need. Lists are ordered
 * by id.
 *
 * <pre>{@code
 * List<Campaign> running = tx.campaigns().findByStatus(CampaignStatus.ACTIVE);
 * }</pre>
 */
public interface CampaignStore extends AggregateStore<CampaignId, Campaign> {
    /**
     * The campaigns in a status.
     *
     * @param status the status
     * @return the campaigns
     */
    List<Campaign> findByStatus(CampaignStatus status);

    /**
     * The campaigns on a channel.
     *
     * @param channel the channel
     * @return the campaigns
     */
    List<Campaign> findByChannel(CampaignChannel channel);
}
