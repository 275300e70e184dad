package dev.rapport.crm.memory;

import dev.rapport.crm.TenantId;
import dev.rapport.crm.directory.UserId;
import dev.rapport.crm.identity.MatchKey;
import dev.rapport.crm.party.AccountId;
import dev.rapport.crm.party.Contact;
import dev.rapport.crm.party.ContactId;
import dev.rapport.crm.party.ContactStore;
import dev.rapport.crm.party.EmailAddress;
import dev.rapport.crm.party.ExternalId;
import java.util.List;
import java.util.Optional;

final class MemoryContactStore extends TableTx<ContactId, Contact> implements ContactStore {
    static final IndexDef<Contact> BY_EMAIL = IndexDef.multi("email", Contact::emails);
    static final IndexDef<Contact> BY_ACCOUNT = IndexDef.single("account", Contact::accountId);
    static final IndexDef<Contact> BY_OWNER = IndexDef.single("owner", Contact::ownerId);
    static final IndexDef<Contact> BY_EXTERNAL_ID = IndexDef.multi("externalId", c -> c.externalIds().ids());
    static final IndexDef<Contact> BY_MATCH_KEY = IndexDef.multi("matchKey", MatchKey::of);
    static final TableDef<ContactId, Contact> DEF = TableDef.of("Contact",
            List.of(BY_EMAIL, BY_ACCOUNT, BY_OWNER, BY_EXTERNAL_ID, BY_MATCH_KEY));

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

    @Override
    public Optional<Contact> findByExternalId(ExternalId id) {
        return lookupOne(BY_EXTERNAL_ID, id);
    }

    @Override
    public List<Contact> findByMatchKey(MatchKey key) {
        return lookup(BY_MATCH_KEY, key);
    }
}
