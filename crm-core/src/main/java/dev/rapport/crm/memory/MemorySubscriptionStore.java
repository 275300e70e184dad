package dev.rapport.crm.memory;

import dev.rapport.crm.TenantId;
import dev.rapport.crm.party.AccountId;
import dev.rapport.crm.party.ContactId;
import dev.rapport.crm.revenue.Subscription;
import dev.rapport.crm.revenue.SubscriptionId;
import dev.rapport.crm.revenue.SubscriptionStatus;
import dev.rapport.crm.revenue.SubscriptionStore;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

final class MemorySubscriptionStore extends TableTx<SubscriptionId, Subscription> implements SubscriptionStore {
    static final IndexDef<Subscription> BY_ACCOUNT = IndexDef.single("account", Subscription::accountId);
    static final IndexDef<Subscription> BY_CONTACT = IndexDef.single("contact", Subscription::contactId);
    static final IndexDef<Subscription> BY_STATUS = IndexDef.single("status", Subscription::status);
    /** Subscriptions that have not ended, by the month of their renewal date. */
    static final IndexDef<Subscription> BY_RENEWAL_MONTH = IndexDef.single("renewalMonth",
            s -> s.status().isEnded() ? null : YearMonth.from(s.renewalDate()));
    static final TableDef<SubscriptionId, Subscription> DEF = TableDef.of("Subscription",
            List.of(BY_ACCOUNT, BY_CONTACT, BY_STATUS, BY_RENEWAL_MONTH));

    MemorySubscriptionStore(Table<SubscriptionId, Subscription> table, TenantId tenant, boolean readOnly) {
        super(table, tenant, readOnly);
    }

    @Override
    public List<Subscription> findByAccount(AccountId accountId) {
        return lookup(BY_ACCOUNT, accountId);
    }

    @Override
    public List<Subscription> findByContact(ContactId contactId) {
        return lookup(BY_CONTACT, contactId);
    }

    @Override
    public List<Subscription> findByStatus(SubscriptionStatus status) {
        return lookup(BY_STATUS, status);
    }

    @Override
    public List<Subscription> findRenewalsBetween(LocalDate from, LocalDate to) {
        List<Subscription> due = new ArrayList<>();
        for (YearMonth month = YearMonth.from(from); !month.isAfter(YearMonth.from(to)); month = month.plusMonths(1)) {
            for (Subscription s : lookup(BY_RENEWAL_MONTH, month)) {
                if (!s.renewalDate().isBefore(from) && !s.renewalDate().isAfter(to)) {
                    due.add(s);
                }
            }
        }
        due.sort(Comparator.comparing(Subscription::renewalDate).thenComparing(s -> s.id().value()));
        return List.copyOf(due);
    }
}
