package dev.rapport.crm.jpa;

import jakarta.persistence.Access;
import jakarta.persistence.AccessType;
import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.LocalDateTime;
import org.jspecify.annotations.Nullable;

/**
 * A lead's or contact's membership in a campaign. The member is its id and id type; the time it
 * joined is the row's creation time, so a campaign's members page in join order from an index.
 */
@Access(AccessType.FIELD)
@Entity(name = "RapportCampaignMember")
@Table(name = "rapport_campaign_member")
@IdClass(AggregateKey.class)
@Cacheable(false)
class CampaignMemberEntity extends AggregateEntity {
    @Column(name = "campaign_id", length = 128, nullable = false)
    String campaignId = "";

    @Column(name = "member_type", length = 32, nullable = false)
    String memberType = "";

    @Column(name = "member_id", length = 128, nullable = false)
    String memberId = "";

    @Column(name = "status", length = 16, nullable = false)
    String status = "";

    @Column(name = "responded_at")
    @Nullable LocalDateTime respondedAt;

    @Column(name = "responded_at_nanos", nullable = false)
    int respondedAtNanos;

    @Column(name = "first_touch_at")
    @Nullable LocalDateTime firstTouchAt;

    @Column(name = "first_touch_at_nanos", nullable = false)
    int firstTouchAtNanos;

    @Column(name = "last_touch_at")
    @Nullable LocalDateTime lastTouchAt;

    @Column(name = "last_touch_at_nanos", nullable = false)
    int lastTouchAtNanos;

    @Column(name = "touches", nullable = false)
    int touches;

    protected CampaignMemberEntity() {
    }
}
