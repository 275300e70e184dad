package dev.rapport.crm.marketing;

import dev.rapport.crm.EntityId;
import dev.rapport.crm.Page;
import dev.rapport.crm.PageRequest;
import dev.rapport.crm.spi.AggregateStore;
import java.util.List;
import java.util.Optional;

/**
 * The store port for campaign memberships (see {@link CampaignMember} for why they are stored
 * apart from their campaign), with the indexed look-ups the services need.
 *
 * <pre>{@code
 * List<CampaignMember> adasCampaigns = tx.campaignMembers().findByMember(ada.id());
 * }</pre>
 */
public interface CampaignMemberStore extends AggregateStore<CampaignMemberId, CampaignMember> {
    /**
     * The membership of a lead or contact in a campaign; there is at most one.
     *
     * @param campaignId the campaign
     * @param memberId the lead or contact
     * @return the membership, or empty
     */
    Optional<CampaignMember> findMembership(CampaignId campaignId, EntityId memberId);

    /**
     * All memberships of a campaign, ordered by id.
     *
     * @param campaignId the campaign
     * @return the memberships
     */
    List<CampaignMember> findByCampaign(CampaignId campaignId);

    /**
     * One page of the memberships of a campaign, ordered by the time the member joined, then id.
     *
     * @param campaignId the campaign
     * @param request the page
     * @return the page
     */
    Page<CampaignMember> pageByCampaign(CampaignId campaignId, PageRequest request);

    /**
     * All memberships of a lead or contact, in every campaign, ordered by id.
     *
     * @param memberId the lead or contact
     * @return the memberships
     */
    List<CampaignMember> findByMember(EntityId memberId);
}
