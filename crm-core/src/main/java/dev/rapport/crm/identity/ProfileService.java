package dev.rapport.crm.identity;

import dev.rapport.crm.CrmNotFoundException;
import dev.rapport.crm.internal.Checks;
import dev.rapport.crm.internal.ServiceContext;
import dev.rapport.crm.lifecycle.LifecycleStage;
import dev.rapport.crm.party.Account;
import dev.rapport.crm.party.AccountId;
import dev.rapport.crm.party.Contact;
import dev.rapport.crm.party.ContactId;
import dev.rapport.crm.revenue.Subscription;
import dev.rapport.crm.sales.Opportunity;
import dev.rapport.crm.spi.StoreTransaction;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Unified customer profiles ({@link Customer360}) of one tenant, read through the stores' indexes
 * in one consistent view. An id that was merged away resolves to its survivor.
 *
 * <pre>{@code
 * Customer360 person = crm.profiles().get(ada.id());
 * Customer360 company = crm.profiles().get(acme.id());
 * }</pre>
 */
public final class ProfileService {
    private final ServiceContext context;

    /**
     * Creates the service. Hosts get it from {@code crm.profiles()}.
     *
     * @param context the service context
     */
    public ProfileService(ServiceContext context) {
        this.context = context;
    }

    /**
     * The profile of a contact.
     *
     * @param id the contact (or a contact merged into another one)
     * @return the profile
     * @throws CrmNotFoundException if the contact does not exist in this tenant
     */
    public Customer360 get(ContactId id) {
        Checks.notNull(id, "contactId");
        return context.read(tx -> {
            ContactId current = DuplicateService.follow(tx, id, ContactId.class);
            Contact contact = tx.contacts().find(current)
                    .orElseThrow(() -> new CrmNotFoundException("Contact", id.value()));
            Account account = contact.accountId() == null ? null : tx.accounts().find(contact.accountId()).orElse(null);
            Map<String, Opportunity> deals = new TreeMap<>();
            tx.opportunities().findByContact(contact.id()).forEach(o -> deals.put(o.id().value(), o));
            Map<String, Subscription> plans = new TreeMap<>();
            tx.subscriptions().findByContact(contact.id()).forEach(s -> plans.put(s.id().value(), s));
            if (account != null) {
                tx.opportunities().findByAccount(account.id()).forEach(o -> deals.put(o.id().value(), o));
                tx.subscriptions().findByAccount(account.id()).forEach(s -> plans.put(s.id().value(), s));
            }
            return profile(tx, contact, account, List.copyOf(deals.values()), List.copyOf(plans.values()),
                    contact.lifecycleStage());
        });
    }

    /**
     * The profile of an account.
     *
     * @param id the account (or an account merged into another one)
     * @return the profile
     * @throws CrmNotFoundException if the account does not exist in this tenant
     */
    public Customer360 get(AccountId id) {
        Checks.notNull(id, "accountId");
        return context.read(tx -> {
            AccountId current = DuplicateService.follow(tx, id, AccountId.class);
            Account account = tx.accounts().find(current)
                    .orElseThrow(() -> new CrmNotFoundException("Account", id.value()));
            LifecycleStage furthest = null;
            for (Contact c : tx.contacts().findByAccount(account.id())) {
                if (furthest == null || furthest.isBefore(c.lifecycleStage())) {
                    furthest = c.lifecycleStage();
                }
            }
            return profile(tx, null, account, tx.opportunities().findByAccount(account.id()),
                    tx.subscriptions().findByAccount(account.id()), furthest);
        });
    }

    private static Customer360 profile(StoreTransaction tx, @Nullable Contact contact, @Nullable Account account,
            List<Opportunity> deals, List<Subscription> subscriptions, @Nullable LifecycleStage stage) {
        List<Opportunity> open = new ArrayList<>();
        List<Opportunity> closed = new ArrayList<>();
        for (Opportunity deal : deals) {
            (deal.isOpen() ? open : closed).add(deal);
        }
        return new Customer360(contact, account,
                account == null ? List.of() : ancestors(tx, account),
                account == null ? List.of() : subsidiaries(tx, account.id()),
                account == null ? List.of() : tx.contacts().findByAccount(account.id()),
                open, closed, stage, contact == null ? null : contact.journeyStage(), subscriptions);
    }

    private static List<Account> ancestors(StoreTransaction tx, Account account) {
        List<Account> result = new ArrayList<>();
        Set<AccountId> seen = new HashSet<>(List.of(account.id()));
        Account cursor = account;
        while (cursor.parentId() != null && seen.add(cursor.parentId())) {
            Optional<Account> parent = tx.accounts().find(cursor.parentId());
            if (parent.isEmpty()) {
                break;
            }
            cursor = parent.get();
            result.add(cursor);
        }
        return result;
    }

    private static List<Account> subsidiaries(StoreTransaction tx, AccountId root) {
        List<Account> result = new ArrayList<>();
        Deque<AccountId> queue = new ArrayDeque<>(List.of(root));
        Set<AccountId> seen = new HashSet<>(List.of(root));
        while (!queue.isEmpty()) {
            for (Account child : tx.accounts().findChildren(queue.poll())) {
                if (seen.add(child.id())) {
                    result.add(child);
                    queue.add(child.id());
                }
            }
        }
        return result;
    }
}
