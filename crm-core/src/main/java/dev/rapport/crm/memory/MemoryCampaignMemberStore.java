package dev.rapport.crm.memory;

import dev.rapport.crm.EntityId;
import dev.rapport.crm.Page;
import dev.rapport.crm.PageRequest;
import dev.rapport.crm.TenantId;
import dev.rapport.crm.marketing.CampaignId;
import dev.rapport.crm.marketing.CampaignMember;
import dev.rapport.crm.marketing.CampaignMemberId;
import dev.rapport.crm.marketing.CampaignMemberStore;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

final class MemoryCampaignMemberStore extends TableTx<CampaignMemberId, CampaignMember>
        implements CampaignMemberStore {
    /** The key of the membership index: one campaign and one member. */
    private record Membership(CampaignId campaignId, EntityId memberId) {
    }

    static final IndexDef<CampaignMember> BY_MEMBERSHIP =
            IndexDef.single("membership", m -> new Membership(m.campaignId(), m.memberId()));
    static final IndexDef<CampaignMember> BY_CAMPAIGN = IndexDef.single("campaign", CampaignMember::campaignId);
    static final IndexDef<CampaignMember> BY_MEMBER = IndexDef.single("member", CampaignMember::memberId);
    static final TableDef<CampaignMemberId, CampaignMember> DEF =
            TableDef.of("CampaignMember", List.of(BY_MEMBERSHIP, BY_CAMPAIGN, BY_MEMBER));

    private static final Comparator<CampaignMember> BY_JOINED = Comparator.comparing(CampaignMember::joinedAt)
            .thenComparing(m -> m.id().value());

    MemoryCampaignMemberStore(Table<CampaignMemberId, CampaignMember> table, TenantId tenant, boolean readOnly) {
        super(table, tenant, readOnly);
    }

    @Override
    public Optional<CampaignMember> findMembership(CampaignId campaignId, EntityId memberId) {
        return lookupOne(BY_MEMBERSHIP, new Membership(campaignId, memberId));
    }

    @Override
    public List<CampaignMember> findByCampaign(CampaignId campaignId) {
        return lookup(BY_CAMPAIGN, campaignId);
    }

    @Override
    public Page<CampaignMember> pageByCampaign(CampaignId campaignId, PageRequest request) {
        return Pages.of(lookup(BY_CAMPAIGN, campaignId), BY_JOINED, request);
    }

    @Override
    public List<CampaignMember> findByMember(EntityId memberId) {
        return lookup(BY_MEMBER, memberId);
    }
}
