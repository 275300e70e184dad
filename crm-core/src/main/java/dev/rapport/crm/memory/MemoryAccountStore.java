package dev.rapport.crm.memory;

import dev.rapport.crm.TenantId;
import dev.rapport.crm.directory.UserId;
import dev.rapport.crm.identity.MatchKey;
import dev.rapport.crm.party.Account;
import dev.rapport.crm.party.AccountId;
import dev.rapport.crm.party.AccountStore;
import dev.rapport.crm.party.ContactId;
import dev.rapport.crm.party.ExternalId;
import java.util.List;
import java.util.Optional;

final class MemoryAccountStore extends TableTx<AccountId, Account> implements AccountStore {
    static final IndexDef<Account> BY_DOMAIN = IndexDef.single("domain", Account::domain);
    static final IndexDef<Account> BY_PARENT = IndexDef.single("parent", Account::parentId);
    static final IndexDef<Account> BY_OWNER = IndexDef.single("owner", Account::ownerId);
    static final IndexDef<Account> BY_NAME = IndexDef.single("name", a -> Account.nameKey(a.name()));
    static final IndexDef<Account> BY_EXTERNAL_ID = IndexDef.multi("externalId", a -> a.externalIds().ids());
    static final IndexDef<Account> BY_MATCH_KEY = IndexDef.multi("matchKey", MatchKey::of);
    static final IndexDef<Account> BY_ROLE_CONTACT = IndexDef.multi("roleContact", a -> a.contactRoles().contactIds());
    static final TableDef<AccountId, Account> DEF = TableDef.of("Account",
            List.of(BY_DOMAIN, BY_PARENT, BY_OWNER, BY_NAME, BY_EXTERNAL_ID, BY_MATCH_KEY, BY_ROLE_CONTACT));

    MemoryAccountStore(Table<AccountId, Account> table, TenantId tenant, boolean readOnly) {
        super(table, tenant, readOnly);
    }

    @Override
    public List<Account> findByDomain(String domain) {
        return lookup(BY_DOMAIN, domain);
    }

    @Override
    public List<Account> findChildren(AccountId parentId) {
        return lookup(BY_PARENT, parentId);
    }

    @Override
    public List<Account> findByOwner(UserId ownerId) {
        return lookup(BY_OWNER, ownerId);
    }

    @Override
    public List<Account> findByNameKey(String nameKey) {
        return lookup(BY_NAME, nameKey);
    }

    @Override
    public Optional<Account> findByExternalId(ExternalId id) {
        return lookupOne(BY_EXTERNAL_ID, id);
    }

    @Override
    public List<Account> findByMatchKey(MatchKey key) {
        return lookup(BY_MATCH_KEY, key);
    }

    @Override
    public List<Account> findByContactRole(ContactId contactId) {
        return lookup(BY_ROLE_CONTACT, contactId);
    }
}
