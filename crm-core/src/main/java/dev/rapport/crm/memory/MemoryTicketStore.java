package dev.rapport.crm.memory;

import dev.rapport.crm.TenantId;
import dev.rapport.crm.directory.UserId;
import dev.rapport.crm.party.AccountId;
import dev.rapport.crm.party.ContactId;
import dev.rapport.crm.service.Ticket;
import dev.rapport.crm.service.TicketId;
import dev.rapport.crm.service.TicketStatus;
import dev.rapport.crm.service.TicketStore;
import java.util.List;

final class MemoryTicketStore extends TableTx<TicketId, Ticket> implements TicketStore {
    static final IndexDef<Ticket> BY_ACTIVE_ASSIGNEE =
            IndexDef.single("activeAssignee", t -> t.isActive() ? t.assigneeId() : null);
    static final IndexDef<Ticket> BY_CONTACT = IndexDef.single("contact", Ticket::contactId);
    static final IndexDef<Ticket> BY_ACCOUNT = IndexDef.single("account", Ticket::accountId);
    static final IndexDef<Ticket> BY_STATUS = IndexDef.single("status", Ticket::status);
    static final TableDef<TicketId, Ticket> DEF =
            TableDef.of("Ticket", List.of(BY_ACTIVE_ASSIGNEE, BY_CONTACT, BY_ACCOUNT, BY_STATUS));

    MemoryTicketStore(Table<TicketId, Ticket> table, TenantId tenant, boolean readOnly) {
        super(table, tenant, readOnly);
    }

    @Override
    public List<Ticket> findActiveByAssignee(UserId assigneeId) {
        return lookup(BY_ACTIVE_ASSIGNEE, assigneeId);
    }

    @Override
    public List<Ticket> findByContact(ContactId contactId) {
        return lookup(BY_CONTACT, contactId);
    }

    @Override
    public List<Ticket> findByAccount(AccountId accountId) {
        return lookup(BY_ACCOUNT, accountId);
    }

    @Override
    public List<Ticket> findByStatus(TicketStatus status) {
        return lookup(BY_STATUS, status);
    }
}
