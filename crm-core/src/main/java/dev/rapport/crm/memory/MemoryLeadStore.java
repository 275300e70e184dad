package dev.rapport.crm.memory;

import dev.rapport.crm.TenantId;
import dev.rapport.crm.directory.UserId;
import dev.rapport.crm.lead.Lead;
import dev.rapport.crm.lead.LeadId;
import dev.rapport.crm.lead.LeadStatus;
import dev.rapport.crm.lead.LeadStore;
import dev.rapport.crm.party.EmailAddress;
import java.util.List;

final class MemoryLeadStore extends TableTx<LeadId, Lead> implements LeadStore {
    static final IndexDef<Lead> BY_EMAIL = IndexDef.single("email", Lead::email);
    static final IndexDef<Lead> BY_OWNER = IndexDef.single("owner", Lead::ownerId);
    static final IndexDef<Lead> BY_STATUS = IndexDef.single("status", Lead::status);
    static final TableDef<LeadId, Lead> DEF = TableDef.of("Lead", List.of(BY_EMAIL, BY_OWNER, BY_STATUS));

    MemoryLeadStore(Table<LeadId, Lead> table, TenantId tenant, boolean readOnly) {
        super(table, tenant, readOnly);
    }

    @Override
    public List<Lead> findByEmail(EmailAddress email) {
        return lookup(BY_EMAIL, email);
    }

    @Override
    public List<Lead> findByOwner(UserId ownerId) {
        return lookup(BY_OWNER, ownerId);
    }

    @Override
    public List<Lead> findByStatus(LeadStatus status) {
        return lookup(BY_STATUS, status);
    }
}
