package dev.rapport.crm.jpa;

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

/** Accounts on {@link AccountEntity}, with the mapper between the two. */
final class JpaAccountStore extends JpaAggregateStore<AccountId, Account, AccountEntity> implements AccountStore {
    JpaAccountStore(JpaStoreTransaction tx) {
        super(tx, AccountEntity.class, "Account", "RapportAccount");
    }

    @Override
    AccountEntity newEntity() {
        return new AccountEntity();
    }

    @Override
    void copy(Account a, AccountEntity e) {
        touchLookup(AggregateCache.DOMAIN, e.domain);
        touchLookup(AggregateCache.DOMAIN, a.domain());
        e.name = a.name();
        e.nameKey = Account.nameKey(a.name());
        e.domain = a.domain();
        e.industry = a.industry();
        e.employees = a.employees();
        e.annualRevenue = a.annualRevenue() == null ? null : a.annualRevenue().amount();
        e.annualRevenueCurrency = a.annualRevenue() == null ? null : a.annualRevenue().currencyCode();
        e.parentId = a.parentId() == null ? null : a.parentId().value();
        e.ownerId = a.ownerId() == null ? null : a.ownerId().value();
        e.address = AddressColumns.of(a.address());
        Rows.replace(em(), e.contactRoles, ContactRoleRow.of(a.contactRoles()), Rows::sameRole);
        e.tags = Values.tags(a.tags());
        e.customFields = Values.customFields(a.customFields());
        Rows.replace(em(), e.externalIds, ExternalIdRow.of(a.externalIds()), ExternalIdRow::same);
        Rows.replace(em(), e.matchKeys, MatchKeyRow.of(MatchKey.of(a)), MatchKeyRow::same);
        e.times(a.createdAt(), a.updatedAt());
    }

    @Override
    Account toDomain(AccountEntity e) {
        return new Account(AccountId.of(e.id), TenantId.of(e.tenantId), e.version, e.name, e.domain, e.industry,
                e.employees, Values.money(e.annualRevenue, e.annualRevenueCurrency),
                e.parentId == null ? null : AccountId.of(e.parentId), e.ownerId == null ? null : UserId.of(e.ownerId),
                AddressColumns.toDomain(e.address), ContactRoleRow.toDomain(e.contactRoles), Values.tags(e.tags),
                Values.customFields(e.customFields), ExternalIdRow.toDomain(e.externalIds), e.created(), e.updated());
    }

    @Override
    void removing(AccountEntity e) {
        touchLookup(AggregateCache.DOMAIN, e.domain);
    }

    /** Through the store's cache of look-ups by domain, when it has one. */
    @Override
    public List<Account> findByDomain(String domain) {
        @SuppressWarnings("unchecked") // the cache holds what the loader below returns
        List<Account> found = lookUp(AggregateCache.DOMAIN, domain, List.class,
                on -> map(on.createQuery("select e from RapportAccount e where e.tenantId = :tenant"
                        + " and e.domain = :domain", AccountEntity.class)
                        .setParameter("tenant", tenant())
                        .setParameter("domain", domain)
                        .getResultList()));
        return found;
    }

    @Override
    public List<Account> findChildren(AccountId parentId) {
        return map(where("e.parentId = :parent").setParameter("parent", parentId.value()).getResultList());
    }

    @Override
    public List<Account> findByNameKey(String nameKey) {
        return map(where("e.nameKey = :key").setParameter("key", nameKey).getResultList());
    }

    @Override
    public List<Account> findByOwner(UserId ownerId) {
        return map(where("e.ownerId = :owner").setParameter("owner", ownerId.value()).getResultList());
    }

    @Override
    public Optional<Account> findByExternalId(ExternalId id) {
        return first(em().createQuery("select e from RapportAccount e join e.externalIds x"
                + " where e.tenantId = :tenant and x.system = :system and x.id = :id", AccountEntity.class)
                .setParameter("tenant", tenant())
                .setParameter("system", id.system())
                .setParameter("id", id.id())
                .getResultList());
    }

    @Override
    public List<Account> findByMatchKey(MatchKey key) {
        return map(em().createQuery("select e from RapportAccount e join e.matchKeys k"
                + " where e.tenantId = :tenant and k.kind = :kind and k.value = :value", AccountEntity.class)
                .setParameter("tenant", tenant())
                .setParameter("kind", key.kind().name())
                .setParameter("value", key.value())
                .getResultList());
    }

    @Override
    public List<Account> findByContactRole(ContactId contactId) {
        return map(em().createQuery("select e from RapportAccount e join e.contactRoles r"
                + " where e.tenantId = :tenant and r.contactId = :contact", AccountEntity.class)
                .setParameter("tenant", tenant())
                .setParameter("contact", contactId.value())
                .getResultList());
    }
}
