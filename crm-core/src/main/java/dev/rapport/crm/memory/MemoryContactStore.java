package dev.rapport.crm.memory;

import dev.rapport.crm.TenantId;
import dev.rapport.crm.directory.UserId;
import dev.rapport.crm.party.AccountId;
import dev.rapport.crm.party.Contact;
import dev.rapport.crm.party.ContactId;
import dev.rapport.crm.party.ContactStore;
import dev.rapport.crm.party.EmailAddress;
import java.util.List;
import java.util.Optional;

final class MemoryContactStore extends TableTx<ContactId, Contact> implements ContactStore {
    static final IndexDef<Contact> BY_EMAIL = IndexDef.multi("email", Contact::emails);
    static final IndexDef<Contact> BY_ACCOUNT = IndexDef.single("account", Contact::accountId);
    static final IndexDef<Contact> BY_OWNER = IndexDef.single("owner", Contact::ownerId);
    static final TableDef<ContactId, Contact> DEF = TableDef.of("Contact", List.of(BY_EMAIL, BY_ACCOUNT, BY_OWNER));

    MemoryContactStore(Table<ContactId, Contact> table, TenantId tenant, boolean readOnly) {
        super(table, tenant, readOnly);
    }

    @Override
    public Optional<Contact> findByEmail(EmailAddress email) {
        return lookupOne(BY_EMAIL, email);
    }

    @Override
    public List<Contact> findByAccount(AccountId accountId) {
        return lookup(BY_ACCOUNT, accountId);
    }

    @Override
    public List<Contact> findByOwner(UserId ownerId) {
        return lookup(BY_OWNER, ownerId);
    }
}
