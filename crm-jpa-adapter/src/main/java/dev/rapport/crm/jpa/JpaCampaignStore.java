package dev.rapport.crm.jpa;

import dev.rapport.crm.TenantId;
import dev.rapport.crm.marketing.Campaign;
import dev.rapport.crm.marketing.CampaignChannel;
import dev.rapport.crm.marketing.CampaignId;
import dev.rapport.crm.marketing.CampaignStatus;
import dev.rapport.crm.marketing.CampaignStore;
import dev.rapport.crm.revenue.Money;
import java.util.Currency;
import java.util.List;

/** Campaigns on {@link CampaignEntity}, with the mapper between the two. */
final class JpaCampaignStore extends JpaAggregateStore<CampaignId, Campaign, CampaignEntity> implements CampaignStore {
    JpaCampaignStore(JpaStoreTransaction tx) {
        super(tx, CampaignEntity.class, "Campaign", "RapportCampaign");
    }

    @Override
    CampaignEntity newEntity() {
        return new CampaignEntity();
    }

    @Override
    void copy(Campaign c, CampaignEntity e) {
        e.name = c.name();
        e.channel = c.channel().name();
        e.status = c.status().name();
        e.startDate = c.startDate();
        e.endDate = c.endDate();
        e.budget = c.budget().amount();
        e.actualCost = c.actualCost().amount();
        e.currency = c.budget().currencyCode();
        e.customFields = Values.customFields(c.customFields());
        e.times(c.createdAt(), c.updatedAt());
    }

    @Override
    Campaign toDomain(CampaignEntity e) {
        Currency currency = Currency.getInstance(e.currency);
        return new Campaign(CampaignId.of(e.id), TenantId.of(e.tenantId), e.version, e.name,
                CampaignChannel.valueOf(e.channel), CampaignStatus.valueOf(e.status), e.startDate, e.endDate,
                new Money(e.budget, currency), new Money(e.actualCost, currency), e.created(), e.updated(),
                Values.customFields(e.customFields));
    }

    @Override
    public List<Campaign> findByStatus(CampaignStatus status) {
        return map(where("e.status = :status").setParameter("status", status.name()).getResultList());
    }

    @Override
    public List<Campaign> findByChannel(CampaignChannel channel) {
        return map(where("e.channel = :channel").setParameter("channel", channel.name()).getResultList());
    }
}
