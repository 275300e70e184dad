package dev.rapport.crm.memory;

import dev.rapport.crm.Aggregate;
import dev.rapport.crm.EntityId;
import dev.rapport.crm.TenantId;
import dev.rapport.crm.event.CrmEvent;
import dev.rapport.crm.field.CustomFieldSchemaStore;
import dev.rapport.crm.party.AccountStore;
import dev.rapport.crm.party.ContactStore;
import dev.rapport.crm.revenue.SubscriptionStore;
import dev.rapport.crm.spi.StoreTransaction;
import java.util.List;

/** A unit of work on one tenant's tables: overlays per table, applied together on commit. */
final class MemoryTransaction implements StoreTransaction {
    /** Makes the typed view of a table for a transaction. */
    @FunctionalInterface
    interface ViewFactory<I extends EntityId, T extends Aggregate<I>, V extends TableTx<I, T>> {
        V create(Table<I, T> table, TenantId tenant, boolean readOnly);
    }

    private final TenantId tenant;
    private final TenantData data;
    private final boolean readOnly;
    /** The views of the tables this transaction used, by their definition's slot. */
    private TableTx<?, ?>[] views = NO_VIEWS;
    /** Most transactions touch a table or two: the array grows to the highest slot used. */
    private static final TableTx<?, ?>[] NO_VIEWS = new TableTx<?, ?>[0];

    MemoryTransaction(TenantId tenant, TenantData data, boolean readOnly) {
        this.tenant = tenant;
        this.data = data;
        this.readOnly = readOnly;
    }

    @SuppressWarnings("unchecked")
    <I extends EntityId, T extends Aggregate<I>, V extends TableTx<I, T>> V view(
            TableDef<I, T> def, ViewFactory<I, T, V> factory) {
        int slot = def.slot();
        if (slot >= views.length) {
            views = java.util.Arrays.copyOf(views, Math.max(slot + 1, views.length * 2));
        }
        TableTx<?, ?> view = views[slot];
        if (view == null) {
            view = factory.create(data.table(def), tenant, readOnly);
            views[slot] = view;
        }
        return (V) view;
    }

    @Override
    public TenantId tenant() {
        return tenant;
    }

    @Override
    public ContactStore contacts() {
        return view(MemoryContactStore.DEF, MemoryContactStore::new);
    }

    @Override
    public AccountStore accounts() {
        return view(MemoryAccountStore.DEF, MemoryAccountStore::new);
    }

    @Override
    public dev.rapport.crm.sales.PipelineStore pipelines() {
        return view(MemoryPipelineStore.DEF, MemoryPipelineStore::new);
    }

    @Override
    public dev.rapport.crm.sales.OpportunityStore opportunities() {
        return view(MemoryOpportunityStore.DEF, MemoryOpportunityStore::new);
    }

    @Override
    public dev.rapport.crm.lead.LeadStore leads() {
        return view(MemoryLeadStore.DEF, MemoryLeadStore::new);
    }

    @Override
    public dev.rapport.crm.activity.ActivityStore activities() {
        return view(MemoryActivityStore.DEF, MemoryActivityStore::new);
    }

    @Override
    public dev.rapport.crm.activity.TaskStore tasks() {
        return view(MemoryTaskStore.DEF, MemoryTaskStore::new);
    }

    @Override
    public dev.rapport.crm.service.TicketStore tickets() {
        return view(MemoryTicketStore.DEF, MemoryTicketStore::new);
    }

    @Override
    public dev.rapport.crm.marketing.CampaignStore campaigns() {
        return view(MemoryCampaignStore.DEF, MemoryCampaignStore::new);
    }

    @Override
    public dev.rapport.crm.marketing.CampaignMemberStore campaignMembers() {
        return view(MemoryCampaignMemberStore.DEF, MemoryCampaignMemberStore::new);
    }

    @Override
    public SubscriptionStore subscriptions() {
        return view(MemorySubscriptionStore.DEF, MemorySubscriptionStore::new);
    }

    @Override
    public CustomFieldSchemaStore customFieldSchemas() {
        return view(MemoryCustomFieldSchemaStore.DEF, MemoryCustomFieldSchemaStore::new);
    }

    @Override
    public dev.rapport.crm.identity.MergeRecordStore mergeRecords() {
        return view(MemoryMergeRecordStore.DEF, MemoryMergeRecordStore::new);
    }

    @Override
    public dev.rapport.crm.governance.ConsentStore consents() {
        return view(MemoryConsentStore.DEF, MemoryConsentStore::new);
    }

    @Override
    public dev.rapport.crm.governance.TombstoneStore tombstones() {
        return view(MemoryTombstoneStore.DEF, MemoryTombstoneStore::new);
    }

    /**
     * Nothing to drop: this store keeps no events. They reach subscribers as the change commits,
     * and nothing reads them back, so keeping them would only grow the heap with every change
     * (and hold personal data for erasure to find).
     */
    @Override
    public int forgetEvents(java.util.Collection<? extends EntityId> subjects) {
        if (readOnly) {
            throw new IllegalStateException("read-only transaction");
        }
        return 0;
    }

    @Override
    public dev.rapport.crm.io.ExternalKeyStore externalKeys() {
        return view(MemoryExternalKeyStore.DEF, MemoryExternalKeyStore::new);
    }

    /** Keeps nothing: see {@link #forgetEvents}. */
    @Override
    public void append(List<CrmEvent> committedEvents) {
        if (readOnly) {
            throw new IllegalStateException("read-only transaction");
        }
    }

    void commit() {
        for (TableTx<?, ?> view : views) {
            if (view != null) {
                view.commit();
            }
        }
    }
}
