package dev.rapport.crm.event;

import dev.rapport.crm.EntityId;
import dev.rapport.crm.internal.Checks;
import dev.rapport.crm.marketing.CampaignId;
import dev.rapport.crm.marketing.CampaignMemberStatus;
import java.time.Instant;
import java.util.List;

/**
 * A campaign member responded to or interacted with a campaign: a touch, which counts for
 * first- and last-touch attribution.
 *
 * <pre>{@code
 * crm.events().subscribe(CampaignMemberTouched.class, e -> System.out.println(e.touchedAt()));
 * }</pre>
 *
 * @param meta the event's id, tenant, time and actor
 * @param campaignId the campaign
 * @param memberId the lead or contact
 * @param status the member's status after the touch
 * @param touchedAt when the touch happened
 */
public record CampaignMemberTouched(EventMeta meta, CampaignId campaignId, EntityId memberId,
        CampaignMemberStatus status, Instant touchedAt) implements CrmEvent {
    /**
     * Validates the event.
     *
     * @param meta the event's id, tenant, time and actor
     * @param campaignId the campaign
     * @param memberId the lead or contact
     * @param status the member's status after the touch
     * @param touchedAt when the touch happened
     * @throws dev.rapport.crm.CrmValidationException if a required part is missing
     */
    public CampaignMemberTouched {
        Checks.notNull(meta, "meta");
        Checks.notNull(campaignId, "campaignId");
        Checks.notNull(memberId, "memberId");
        Checks.notNull(status, "status");
        Checks.notNull(touchedAt, "touchedAt");
    }

    @Override
    public List<EntityId> subjects() {
        return Subjects.of(campaignId, memberId);
    }
}
