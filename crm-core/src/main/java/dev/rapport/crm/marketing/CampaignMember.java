package dev.rapport.crm.marketing;

import dev.rapport.crm.Aggregate;
import dev.rapport.crm.CrmValidationException;
import dev.rapport.crm.EntityId;
import dev.rapport.crm.TenantId;
import dev.rapport.crm.internal.Checks;
import dev.rapport.crm.lead.LeadId;
import dev.rapport.crm.party.ContactId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The membership of one lead or contact in one campaign, with its status and its touches.
 *
 * <p>Memberships are an aggregate of their own, with their own store, rather than a list inside
 * {@link Campaign}: a campaign may have hundreds of thousands of members; responses arrive
 * one by one and would otherwise rewrite the whole campaign each time and collide (by version)
 * with edits of its budget; and attribution needs to find a lead's or contact's memberships
 * across all campaigns, which an index by member gives directly.
 *
 * <p>A touch is a response or an interaction of the member with the campaign. The membership
 * keeps the earliest and the latest touch and how many there were, which is all first- and
 * last-touch attribution needs.
 *
 * <pre>{@code
 * CampaignMember m = crm.campaigns().addMember(spring.id(), ada.id());
 * crm.campaigns().recordResponse(spring.id(), ada.id(), CampaignMemberStatus.CLICKED, null);
 * }</pre>
 *
 * @param id the id
 * @param tenantId the tenant
 * @param version the version, 1 when added
 * @param campaignId the campaign
 * @param memberId the member: a {@link LeadId} or a {@link ContactId}
 * @param status how far the member has engaged: the last response recorded
 * @param joinedAt when the member was added
 * @param respondedAt the earliest response, or null; set exactly when the status is a response
 * @param firstTouchAt the earliest touch, or null if none
 * @param lastTouchAt the latest touch, or null if none
 * @param touches how many touches were recorded
 * @param updatedAt when it was last changed
 */
public record CampaignMember(CampaignMemberId id, TenantId tenantId, long version, CampaignId campaignId,
        EntityId memberId, CampaignMemberStatus status, Instant joinedAt, @Nullable Instant respondedAt,
        @Nullable Instant firstTouchAt, @Nullable Instant lastTouchAt, int touches, Instant updatedAt)
        implements Aggregate<CampaignMemberId> {

    /**
     * Validates the membership.
     *
     * @param id the id
     * @param tenantId the tenant
     * @param version the version, 1 when added
     * @param campaignId the campaign
     * @param memberId the member: a {@link LeadId} or a {@link ContactId}
     * @param status how far the member has engaged: the last response recorded
     * @param joinedAt when the member was added
     * @param respondedAt the earliest response, or null; set exactly when the status is a response
     * @param firstTouchAt the earliest touch, or null if none
     * @param lastTouchAt the latest touch, or null if none
     * @param touches how many touches were recorded
     * @param updatedAt when it was last changed
     * @throws CrmValidationException naming the field if a value is missing or inconsistent
     */
    public CampaignMember {
        Checks.notNull(id, "id");
        Checks.notNull(tenantId, "tenantId");
        Checks.version(version);
        Checks.notNull(campaignId, "campaignId");
        requireMemberKind(memberId);
        Checks.notNull(status, "status");
        Checks.notNull(joinedAt, "joinedAt");
        if (status.isResponse() != (respondedAt != null)) {
            throw new CrmValidationException("respondedAt", "is set exactly when the member has responded");
        }
        Checks.nonNegative(touches, "touches");
        if ((touches == 0) != (firstTouchAt == null) || (firstTouchAt == null) != (lastTouchAt == null)) {
            throw new CrmValidationException("touches", "first and last touch are set exactly when there are touches");
        }
        if (firstTouchAt != null && lastTouchAt.isBefore(firstTouchAt)) {
            throw new CrmValidationException("lastTouchAt", "must not be before the first touch");
        }
        if (respondedAt != null && (firstTouchAt == null || respondedAt.isBefore(firstTouchAt))) {
            throw new CrmValidationException("respondedAt", "a response is a touch");
        }
        Checks.notNull(updatedAt, "updatedAt");
    }

    /**
     * Requires a campaign member id to name a lead or a contact.
     *
     * @param memberId the id
     * @return the id
     * @throws CrmValidationException naming {@code memberId} if it is missing or of another kind
     */
    public static EntityId requireMemberKind(@Nullable EntityId memberId) {
        Checks.notNull(memberId, "memberId");
        if (!(memberId instanceof LeadId) && !(memberId instanceof ContactId)) {
            throw new CrmValidationException("memberId", "must be a lead or a contact");
        }
        return memberId;
    }

    /**
     * Whether the member has been touched by the campaign.
     *
     * @return true if at least one touch was recorded
     */
    public boolean touched() {
        return touches > 0;
    }

    CampaignMember touchedAt(Instant at, @Nullable CampaignMemberStatus response) {
        Instant first = firstTouchAt == null || at.isBefore(firstTouchAt) ? at : firstTouchAt;
        Instant last = lastTouchAt == null || at.isAfter(lastTouchAt) ? at : lastTouchAt;
        CampaignMemberStatus nextStatus = response != null ? response : status;
        Instant responded = response == null ? respondedAt
                : respondedAt == null || at.isBefore(respondedAt) ? at : respondedAt;
        return new CampaignMember(id, tenantId, version, campaignId, memberId, nextStatus, joinedAt, responded, first,
                last, touches + 1, updatedAt);
    }

    CampaignMember stored(long nextVersion, Instant at) {
        return new CampaignMember(id, tenantId, nextVersion, campaignId, memberId, status, joinedAt, respondedAt,
                firstTouchAt, lastTouchAt, touches, at);
    }
}
