package dev.rapport.crm.memory;

import dev.rapport.crm.TenantId;
import dev.rapport.crm.directory.UserId;
import dev.rapport.crm.party.Account;
import dev.rapport.crm.party.AccountId;
import dev.rapport.crm.party.AccountStore;
import java.util.List;

final class MemoryAccountStore extends TableTx<AccountId, Account> implements AccountStore {
    static final IndexDef<Account> BY_DOMAIN = IndexDef.single("domain", Account::domain);
    static final IndexDef<Account> BY_PARENT = IndexDef.single("parent", Account::parentId);
    static final IndexDef<Account> BY_OWNER = IndexDef.single("owner", Account::ownerId);
    static final IndexDef<Account> BY_NAME = IndexDef.single("name", a -> Account.nameKey(a.name()));
    static final TableDef<AccountId, Account> DEF = TableDef.of("Account",
            List.of(BY_DOMAIN, BY_PARENT, BY_OWNER, BY_NAME));

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
}
