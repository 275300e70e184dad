package dev.rapport.crm.memory;

import dev.rapport.crm.TenantId;
import dev.rapport.crm.marketing.Campaign;
import dev.rapport.crm.marketing.CampaignChannel;
import dev.rapport.crm.marketing.CampaignId;
import dev.rapport.crm.marketing.CampaignStatus;
import dev.rapport.crm.marketing.CampaignStore;
import java.util.List;

final class MemoryCampaignStore extends TableTx<CampaignId, Campaign> implements CampaignStore {
    static final IndexDef<Campaign> BY_STATUS = IndexDef.single("status", Campaign::status);
    static final IndexDef<Campaign> BY_CHANNEL = IndexDef.single("channel", Campaign::channel);
    static final TableDef<CampaignId, Campaign> DEF = TableDef.of("Campaign", List.of(BY_STATUS, BY_CHANNEL));

    MemoryCampaignStore(Table<CampaignId, Campaign> table, TenantId tenant, boolean readOnly) {
        super(table, tenant, readOnly);
    }

    @Override
    public List<Campaign> findByStatus(CampaignStatus status) {
        return lookup(BY_STATUS, status);
    }

    @Override
    public List<Campaign> findByChannel(CampaignChannel channel) {
        return lookup(BY_CHANNEL, channel);
    }
}
