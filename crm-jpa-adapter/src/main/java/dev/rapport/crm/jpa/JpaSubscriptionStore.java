package dev.rapport.crm.jpa;

import dev.rapport.crm.TenantId;
import dev.rapport.crm.party.AccountId;
import dev.rapport.crm.party.ContactId;
import dev.rapport.crm.revenue.BillingPeriod;
import dev.rapport.crm.revenue.Money;
import dev.rapport.crm.revenue.Subscription;
import dev.rapport.crm.revenue.SubscriptionId;
import dev.rapport.crm.revenue.SubscriptionStatus;
import dev.rapport.crm.revenue.SubscriptionStore;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;

/** Subscriptions on {@link SubscriptionEntity}, with the mapper between the two. */
final class JpaSubscriptionStore extends JpaAggregateStore<SubscriptionId, Subscription, SubscriptionEntity>
        implements SubscriptionStore {
    private static final List<String> NOT_ENDED = List.of(SubscriptionStatus.TRIAL.name(),
            SubscriptionStatus.ACTIVE.name(), SubscriptionStatus.PAUSED.name());

    JpaSubscriptionStore(JpaStoreTransaction tx) {
        super(tx, SubscriptionEntity.class, "Subscription", "RapportSubscription");
    }

    @Override
    SubscriptionEntity newEntity() {
        return new SubscriptionEntity();
    }

    @Override
    void copy(Subscription s, SubscriptionEntity e) {
        e.accountId = s.accountId().value();
        e.contactId = s.contactId() == null ? null : s.contactId().value();
        e.plan = s.plan();
        e.mrr = s.mrr().amount();
        e.currency = s.mrr().currencyCode();
        e.billingPeriod = s.billingPeriod().name();
        e.contractValue = s.contractValue() == null ? null : s.contractValue().amount();
        e.startDate = s.startDate();
        e.renewalDate = s.renewalDate();
        e.endDate = s.endDate();
        e.status = s.status().name();
        e.cancellationReason = s.cancellationReason();
        e.history = Values.list(s.history(), Values::subscriptionChange);
        e.customFields = Values.customFields(s.customFields());
        e.times(s.createdAt(), s.updatedAt());
    }

    @Override
    Subscription toDomain(SubscriptionEntity e) {
        Currency currency = Currency.getInstance(e.currency);
        return new Subscription(SubscriptionId.of(e.id), TenantId.of(e.tenantId), e.version, AccountId.of(e.accountId),
                e.contactId == null ? null : ContactId.of(e.contactId), e.plan, new Money(e.mrr, currency),
                BillingPeriod.valueOf(e.billingPeriod),
                e.contractValue == null ? null : new Money(e.contractValue, currency), e.startDate, e.renewalDate,
                e.endDate, SubscriptionStatus.valueOf(e.status), e.cancellationReason,
                Values.list(e.history, Values::subscriptionChangeOf), Values.customFields(e.customFields),
                e.created(), e.updated());
    }

    @Override
    public List<Subscription> findByAccount(AccountId accountId) {
        return map(where("e.accountId = :account").setParameter("account", accountId.value()).getResultList());
    }

    @Override
    public List<Subscription> findByContact(dev.rapport.crm.party.ContactId contactId) {
        return map(where("e.contactId = :contact").setParameter("contact", contactId.value()).getResultList());
    }

    @Override
    public List<Subscription> findByStatus(SubscriptionStatus status) {
        return map(where("e.status = :status").setParameter("status", status.name()).getResultList());
    }

    @Override
    public List<Subscription> findRenewalsBetween(LocalDate from, LocalDate to) {
        List<Subscription> due = new ArrayList<>(map(em().createQuery("select e from RapportSubscription e"
                + " where e.tenantId = :tenant and e.renewalDate between :from and :to and e.status in :statuses",
                SubscriptionEntity.class)
                .setParameter("tenant", tenant())
                .setParameter("from", from)
                .setParameter("to", to)
                .setParameter("statuses", NOT_ENDED)
                .getResultList()));
        due.sort(Comparator.comparing(Subscription::renewalDate));
        return List.copyOf(due);
    }
}
