package dev.rapport.crm.memory;

import dev.rapport.crm.TenantId;
import dev.rapport.crm.directory.UserId;
import dev.rapport.crm.party.AccountId;
import dev.rapport.crm.party.ContactId;
import dev.rapport.crm.sales.Opportunity;
import dev.rapport.crm.sales.OpportunityId;
import dev.rapport.crm.sales.OpportunityStore;
import dev.rapport.crm.sales.PipelineId;
import java.util.List;

final class MemoryOpportunityStore extends TableTx<OpportunityId, Opportunity> implements OpportunityStore {
    /** The key of the stage indexes. */
    private record InStage(PipelineId pipelineId, String stage) {
    }

    static final IndexDef<Opportunity> BY_ACCOUNT = IndexDef.single("account", Opportunity::accountId);
    static final IndexDef<Opportunity> BY_OWNER = IndexDef.single("owner", Opportunity::ownerId);
    static final IndexDef<Opportunity> BY_CONTACT = IndexDef.multi("contact", o -> o.contactRoles().contactIds());
    /** Only open opportunities are indexed by stage: closed ones leave the index. */
    static final IndexDef<Opportunity> OPEN_BY_STAGE = IndexDef.single("openByStage",
            o -> o.isOpen() ? new InStage(o.pipelineId(), o.stage()) : null);
    /** Every opportunity by stage, so a pipeline edit can tell whether a stage is in use. */
    static final IndexDef<Opportunity> BY_STAGE = IndexDef.single("byStage",
            o -> new InStage(o.pipelineId(), o.stage()));
    static final TableDef<OpportunityId, Opportunity> DEF = TableDef.of("Opportunity",
            List.of(BY_ACCOUNT, BY_OWNER, BY_CONTACT, OPEN_BY_STAGE, BY_STAGE));

    MemoryOpportunityStore(Table<OpportunityId, Opportunity> table, TenantId tenant, boolean readOnly) {
        super(table, tenant, readOnly);
    }

    @Override
    public List<Opportunity> findByAccount(AccountId accountId) {
        return lookup(BY_ACCOUNT, accountId);
    }

    @Override
    public List<Opportunity> findByOwner(UserId ownerId) {
        return lookup(BY_OWNER, ownerId);
    }

    @Override
    public List<Opportunity> findByContact(ContactId contactId) {
        return lookup(BY_CONTACT, contactId);
    }

    @Override
    public List<Opportunity> findOpenInStage(PipelineId pipelineId, String stage) {
        return lookup(OPEN_BY_STAGE, new InStage(pipelineId, stage));
    }

    @Override
    public long countInStage(PipelineId pipelineId, String stage) {
        return lookup(BY_STAGE, new InStage(pipelineId, stage)).size();
    }
}
