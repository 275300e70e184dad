package dev.rapport.crm.jpa;

import dev.rapport.crm.TenantId;
import dev.rapport.crm.directory.UserId;
import dev.rapport.crm.identity.MatchKey;
import dev.rapport.crm.lifecycle.JourneyStage;
import dev.rapport.crm.lifecycle.LifecycleStage;
import dev.rapport.crm.party.AccountId;
import dev.rapport.crm.party.Contact;
import dev.rapport.crm.party.ContactId;
import dev.rapport.crm.party.ContactStore;
import dev.rapport.crm.party.EmailAddress;
import dev.rapport.crm.party.ExternalId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/** Contacts on {@link ContactEntity}, with the mapper between the two. */
final class JpaContactStore extends JpaAggregateStore<ContactId, Contact, ContactEntity> implements ContactStore {
    JpaContactStore(JpaStoreTransaction tx) {
        super(tx, ContactEntity.class, "Contact", "RapportContact");
    }

    @Override
    ContactEntity newEntity() {
        return new ContactEntity();
    }

    @Override
    void copy(Contact c, ContactEntity e) {
        e.firstName = c.firstName();
        e.lastName = c.lastName();
        List<String> emails = new ArrayList<>(c.emails().size());
        c.emails().forEach(m -> emails.add(m.value()));
        e.emails.forEach(m -> touchLookup(AggregateCache.EMAIL, m));
        emails.forEach(m -> touchLookup(AggregateCache.EMAIL, m));
        Rows.replace(em(), e.emails, emails, String::equals);
        e.phones = Values.list(c.phones(), Values::phone);
        e.title = c.title();
        e.accountId = c.accountId() == null ? null : c.accountId().value();
        e.ownerId = c.ownerId() == null ? null : c.ownerId().value();
        e.address = AddressColumns.of(c.address());
        e.lifecycleStage = c.lifecycleStage().name();
        e.lifecycleHistory = Values.list(c.lifecycleHistory(), Values::transition);
        e.journeyStage = Values.nameOrNull(c.journeyStage());
        e.tags = Values.tags(c.tags());
        e.customFields = Values.customFields(c.customFields());
        Rows.replace(em(), e.externalIds, ExternalIdRow.of(c.externalIds()), ExternalIdRow::same);
        Rows.replace(em(), e.matchKeys, MatchKeyRow.of(MatchKey.of(c)), MatchKeyRow::same);
        e.times(c.createdAt(), c.updatedAt());
    }

    @Override
    Contact toDomain(ContactEntity e) {
        List<EmailAddress> emails = new ArrayList<>(e.emails.size());
        e.emails.forEach(m -> emails.add(new EmailAddress(m)));
        return new Contact(ContactId.of(e.id), TenantId.of(e.tenantId), e.version, e.firstName, e.lastName, emails,
                Values.list(e.phones, Values::phoneOf), e.title,
                e.accountId == null ? null : AccountId.of(e.accountId),
                e.ownerId == null ? null : UserId.of(e.ownerId), AddressColumns.toDomain(e.address),
                LifecycleStage.valueOf(e.lifecycleStage), Values.list(e.lifecycleHistory, Values::transitionOf),
                Values.enumOrNull(JourneyStage.class, e.journeyStage), Values.tags(e.tags),
                Values.customFields(e.customFields), ExternalIdRow.toDomain(e.externalIds), e.created(), e.updated());
    }

    @Override
    void removing(ContactEntity e) {
        e.emails.forEach(m -> touchLookup(AggregateCache.EMAIL, m));
    }

    /**
     * Through the store's cache of look-ups by normalized address, when it has one. One statement:
     * the address index finds the contact and its addresses are fetched with it.
     */
    @Override
    public Optional<Contact> findByEmail(EmailAddress email) {
        @SuppressWarnings("unchecked") // the cache holds what the loader below returns
        Optional<Contact> found = lookUp(AggregateCache.EMAIL, email.value(), Optional.class,
                on -> {
                    // Two statements, each on an index: an "id in (subquery)" form was planned as a
                    // scan of every contact by H2. The second names one id: a list parameter
                    // ("in :ids") makes a provider translate the query again on every call.
                    List<String> ids = on.createQuery("select c.id from RapportContact c join c.emails m"
                            + " where c.tenantId = :tenant and m = :email", String.class)
                            .setParameter("tenant", tenant())
                            .setParameter("email", email.value())
                            .getResultList();
                    return ids.isEmpty() ? Optional.empty()
                            : first(on.createQuery("select e from RapportContact e join fetch e.emails"
                                    + " where e.tenantId = :tenant and e.id = :id", ContactEntity.class)
                                    .setParameter("tenant", tenant())
                                    .setParameter("id", Collections.min(ids))
                                    .getResultList());
                });
        return found;
    }

    @Override
    public List<Contact> findByAccount(AccountId accountId) {
        return map(where("e.accountId = :account").setParameter("account", accountId.value()).getResultList());
    }

    @Override
    public List<Contact> findByOwner(UserId ownerId) {
        return map(where("e.ownerId = :owner").setParameter("owner", ownerId.value()).getResultList());
    }

    @Override
    public Optional<Contact> findByExternalId(ExternalId id) {
        return first(em().createQuery("select e from RapportContact e join e.externalIds x"
                + " where e.tenantId = :tenant and x.system = :system and x.id = :id", ContactEntity.class)
                .setParameter("tenant", tenant())
                .setParameter("system", id.system())
                .setParameter("id", id.id())
                .getResultList());
    }

    @Override
    public List<Contact> findByMatchKey(MatchKey key) {
        return map(em().createQuery("select e from RapportContact e join e.matchKeys k"
                + " where e.tenantId = :tenant and k.kind = :kind and k.value = :value", ContactEntity.class)
                .setParameter("tenant", tenant())
                .setParameter("kind", key.kind().name())
                .setParameter("value", key.value())
                .getResultList());
    }
}
