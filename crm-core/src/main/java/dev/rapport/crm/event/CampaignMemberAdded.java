package dev.rapport.crm.event;

import dev.rapport.crm.EntityId;
import dev.rapport.crm.internal.Checks;
import dev.rapport.crm.marketing.CampaignId;
import java.util.List;

/**
 * A lead or contact became a member of a campaign.
 *
 * <pre>{@code
 * crm.events().subscribe(CampaignMemberAdded.class, e -> System.out.println(e.subjects()));
 * }</pre>
 *
 * @param meta the event's id, tenant, time and actor
 * @param campaignId the campaign
 * @param memberId the lead or contact
 */
public record CampaignMemberAdded(EventMeta meta, CampaignId campaignId, EntityId memberId) implements CrmEvent {
    /**
     * Validates the event.
     *
     * @param meta the event's id, tenant, time and actor
     * @param campaignId the campaign
     * @param memberId the lead or contact
     * @throws dev.rapport.crm.CrmValidationException if a required part is missing
     */
    public CampaignMemberAdded {
        Checks.notNull(meta, "meta");
        Checks.notNull(campaignId, "campaignId");
        Checks.notNull(memberId, "memberId");
    }

    @Override
    public List<EntityId> subjects() {
        return Subjects.of(campaignId, memberId);
    }
}
