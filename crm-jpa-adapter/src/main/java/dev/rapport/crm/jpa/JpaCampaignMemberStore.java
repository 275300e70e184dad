package dev.rapport.crm.jpa;

import dev.rapport.crm.EntityId;
import dev.rapport.crm.Page;
import dev.rapport.crm.PageRequest;
import dev.rapport.crm.TenantId;
import dev.rapport.crm.marketing.CampaignId;
import dev.rapport.crm.marketing.CampaignMember;
import dev.rapport.crm.marketing.CampaignMemberId;
import dev.rapport.crm.marketing.CampaignMemberStatus;
import dev.rapport.crm.marketing.CampaignMemberStore;
import java.util.List;
import java.util.Optional;

/**
 * Campaign memberships on {@link CampaignMemberEntity}, with the mapper between the two. A member is
 * matched by its id and its id type, as the in-memory store matches ids.
 */
final class JpaCampaignMemberStore extends JpaAggregateStore<CampaignMemberId, CampaignMember, CampaignMemberEntity>
        implements CampaignMemberStore {
    JpaCampaignMemberStore(JpaStoreTransaction tx) {
        super(tx, CampaignMemberEntity.class, "CampaignMember", "RapportCampaignMember");
    }

    @Override
    CampaignMemberEntity newEntity() {
        return new CampaignMemberEntity();
    }

    @Override
    void copy(CampaignMember m, CampaignMemberEntity e) {
        e.campaignId = m.campaignId().value();
        e.memberType = EventCodec.idType(m.memberId());
        e.memberId = m.memberId().value();
        e.status = m.status().name();
        e.respondedAt = Values.columnOrNull(m.respondedAt());
        e.respondedAtNanos = Values.nanos(m.respondedAt());
        e.firstTouchAt = Values.columnOrNull(m.firstTouchAt());
        e.firstTouchAtNanos = Values.nanos(m.firstTouchAt());
        e.lastTouchAt = Values.columnOrNull(m.lastTouchAt());
        e.lastTouchAtNanos = Values.nanos(m.lastTouchAt());
        e.touches = m.touches();
        e.times(m.joinedAt(), m.updatedAt());
    }

    @Override
    CampaignMember toDomain(CampaignMemberEntity e) {
        return new CampaignMember(CampaignMemberId.of(e.id), TenantId.of(e.tenantId), e.version,
                CampaignId.of(e.campaignId), EventCodec.id(e.memberType, e.memberId),
                CampaignMemberStatus.valueOf(e.status), e.created(), Values.instantOrNull(e.respondedAt, e.respondedAtNanos),
                Values.instantOrNull(e.firstTouchAt, e.firstTouchAtNanos),
                Values.instantOrNull(e.lastTouchAt, e.lastTouchAtNanos), e.touches, e.updated());
    }

    @Override
    public Optional<CampaignMember> findMembership(CampaignId campaignId, EntityId memberId) {
        return first(where("e.campaignId = :campaign and e.memberId = :member and e.memberType = :type")
                .setParameter("campaign", campaignId.value())
                .setParameter("member", memberId.value())
                .setParameter("type", memberId.getClass().getSimpleName())
                .getResultList());
    }

    @Override
    public List<CampaignMember> findByCampaign(CampaignId campaignId) {
        return map(where("e.campaignId = :campaign").setParameter("campaign", campaignId.value()).getResultList());
    }

    /** One page in join order from the campaign's index; ties in time by id. */
    @Override
    public Page<CampaignMember> pageByCampaign(CampaignId campaignId, PageRequest request) {
        List<CampaignMemberEntity> rows = em().createQuery("select e from RapportCampaignMember e"
                + " where e.tenantId = :tenant and e.campaignId = :campaign"
                + " order by e.createdAt, e.createdAtNanos, e.id", CampaignMemberEntity.class)
                .setParameter("tenant", tenant())
                .setParameter("campaign", campaignId.value())
                .setFirstResult(request.offset())
                .setMaxResults(request.limit())
                .getResultList();
        long total = em().createQuery("select count(e) from RapportCampaignMember e"
                + " where e.tenantId = :tenant and e.campaignId = :campaign", Long.class)
                .setParameter("tenant", tenant())
                .setParameter("campaign", campaignId.value())
                .getSingleResult();
        return new Page<>(rows.stream().map(this::toDomain).toList(), request, total);
    }

    @Override
    public List<CampaignMember> findByMember(EntityId memberId) {
        return map(where("e.memberId = :member and e.memberType = :type")
                .setParameter("member", memberId.value())
                .setParameter("type", memberId.getClass().getSimpleName())
                .getResultList());
    }
}
