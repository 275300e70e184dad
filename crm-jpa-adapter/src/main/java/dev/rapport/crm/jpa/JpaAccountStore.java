package dev.rapport.crm.jpa;

import dev.rapport.crm.TenantId;
import dev.rapport.crm.directory.UserId;
import dev.rapport.crm.party.Account;
import dev.rapport.crm.party.AccountId;
import dev.rapport.crm.party.AccountStore;
import dev.rapport.crm.party.ContactId;
import dev.rapport.crm.party.ExternalId;
import dev.rapport.crm.party.ExternalIds;
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
        if (!a.externalIds().isEmpty()) {
            throw externalIdsNotMapped();
        }
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
        e.times(a.createdAt(), a.updatedAt());
    }

    @Override
    Account toDomain(AccountEntity e) {
        return new Account(AccountId.of(e.id), TenantId.of(e.tenantId), e.version, e.name, e.domain, e.industry,
                e.employees, Values.money(e.annualRevenue, e.annualRevenueCurrency),
                e.parentId == null ? null : AccountId.of(e.parentId), e.ownerId == null ? null : UserId.of(e.ownerId),
                AddressColumns.toDomain(e.address), ContactRoleRow.toDomain(e.contactRoles), Values.tags(e.tags),
                Values.customFields(e.customFields), ExternalIds.none(), e.created(), e.updated());
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

    /** Not mapped yet. */
    @Override
    public Optional<Account> findByExternalId(ExternalId id) {
        throw externalIdsNotMapped();
    }

    /** Not mapped yet: duplicate detection needs the identity match keys. */
    @Override
    public List<Account> findByMatchKey(dev.rapport.crm.identity.MatchKey key) {
        throw new UnsupportedOperationException("identity match keys are not mapped by the JPA adapter yet");
    }

    /** Not mapped yet: only merges need it. */
    @Override
    public List<Account> findByContactRole(ContactId contactId) {
        throw new UnsupportedOperationException("the look-up by contact role is not mapped by the JPA adapter yet");
    }

    /** External ids are not mapped yet: refused rather than silently dropped. */
    private static UnsupportedOperationException externalIdsNotMapped() {
        return new UnsupportedOperationException("external ids are not mapped by the JPA adapter yet");
    }
}
