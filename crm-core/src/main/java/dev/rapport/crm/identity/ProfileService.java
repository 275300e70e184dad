package dev.rapport.crm.identity;

import dev.rapport.crm.lead.Lead;
import dev.rapport.crm.governance.ConsentId;
import dev.rapport.crm.CrmNotFoundException;
import dev.rapport.crm.Page;
import dev.rapport.crm.PageRequest;
import dev.rapport.crm.activity.Activity;
import dev.rapport.crm.internal.Checks;
import dev.rapport.crm.internal.ServiceContext;
import dev.rapport.crm.lifecycle.LifecycleStage;
import dev.rapport.crm.party.Account;
import dev.rapport.crm.party.AccountId;
import dev.rapport.crm.party.Contact;
import dev.rapport.crm.party.ContactId;
import dev.rapport.crm.revenue.Subscription;
import dev.rapport.crm.sales.Opportunity;
import dev.rapport.crm.service.Ticket;
import dev.rapport.crm.spi.StoreTransaction;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
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
 * Page<TimelineEntry> older = crm.profiles().timeline(ada.id(), new PageRequest(50, 50));
 * }</pre>
 */
public final class ProfileService {
    /** How many timeline entries a {@link Customer360} carries; {@code timeline(...)} pages further. */
    public static final int TIMELINE_PAGE = 50;
    private static final Comparator<TimelineEntry> NEWEST_FIRST = Comparator.comparing(TimelineEntry::at)
            .thenComparing(e -> e.id().value()).reversed();

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
                    contact.lifecycleStage(), timeline(tx, contact.id(), tx.tickets().findByContact(contact.id()),
                            PageRequest.first(TIMELINE_PAGE)));
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
                    tx.subscriptions().findByAccount(account.id()), furthest,
                    timeline(tx, account.id(), tx.tickets().findByAccount(account.id()),
                            PageRequest.first(TIMELINE_PAGE)));
        });
    }

    /**
     * One page of a contact's timeline, newest first: its activities across channels (purchases
     * included) and its tickets, merged in time order (ties: the larger id first).
     *
     * @param id the contact (or a contact merged into another one)
     * @param request the page
     * @return the page
     * @throws CrmNotFoundException if the contact does not exist in this tenant
     */
    public Page<TimelineEntry> timeline(ContactId id, PageRequest request) {
        Checks.notNull(id, "contactId");
        Checks.notNull(request, "request");
        return context.read(tx -> {
            ContactId current = DuplicateService.follow(tx, id, ContactId.class);
            tx.contacts().find(current).orElseThrow(() -> new CrmNotFoundException("Contact", id.value()));
            return timeline(tx, current, tx.tickets().findByContact(current), request);
        });
    }

    /**
     * One page of an account's timeline, newest first: the activities linked to it across
     * channels (purchases included) and its tickets, merged in time order (ties: the larger id
     * first).
     *
     * @param id the account (or an account merged into another one)
     * @param request the page
     * @return the page
     * @throws CrmNotFoundException if the account does not exist in this tenant
     */
    public Page<TimelineEntry> timeline(AccountId id, PageRequest request) {
        Checks.notNull(id, "accountId");
        Checks.notNull(request, "request");
        return context.read(tx -> {
            AccountId current = DuplicateService.follow(tx, id, AccountId.class);
            tx.accounts().find(current).orElseThrow(() -> new CrmNotFoundException("Account", id.value()));
            return timeline(tx, current, tx.tickets().findByAccount(current), request);
        });
    }

    /**
     * Merges the newest {@code offset + limit} activities (from the store's timeline index) with
     * the tickets, so no more activities are read than the page needs.
     */
    private static Page<TimelineEntry> timeline(StoreTransaction tx, dev.rapport.crm.EntityId owner,
            List<Ticket> tickets, PageRequest request) {
        int needed = (int) Math.min(PageRequest.MAX_LIMIT, (long) request.offset() + request.limit());
        Page<Activity> activities = tx.activities().timeline(owner, new PageRequest(0, Math.max(1, needed)));
        List<TimelineEntry> entries = new ArrayList<>();
        activities.items().forEach(a -> entries.add(new TimelineEntry.OfActivity(a)));
        tickets.forEach(t -> entries.add(new TimelineEntry.OfTicket(t)));
        entries.sort(NEWEST_FIRST);
        long total = activities.total() + tickets.size();
        int from = Math.min(entries.size(), request.offset());
        int to = (int) Math.min(entries.size(), (long) request.offset() + request.limit());
        return new Page<>(List.copyOf(entries.subList(from, to)), request, total);
    }

    private static Customer360 profile(StoreTransaction tx, @Nullable Contact contact, @Nullable Account account,
            List<Opportunity> deals, List<Subscription> subscriptions, @Nullable LifecycleStage stage,
            Page<TimelineEntry> timeline) {
        List<Opportunity> open = new ArrayList<>();
        List<Opportunity> closed = new ArrayList<>();
        for (Opportunity deal : deals) {
            (deal.isOpen() ? open : closed).add(deal);
        }
        return new Customer360(contact, account,
                account == null ? List.of() : ancestors(tx, account),
                account == null ? List.of() : subsidiaries(tx, account.id()),
                account == null ? List.of() : tx.contacts().findByAccount(account.id()),
                open, closed, stage, contact == null ? null : contact.journeyStage(), subscriptions, timeline,
                contact == null ? null : tx.consents().find(ConsentId.of(contact.id().value())).orElse(null),
                contact == null ? List.of() : leadsOf(tx, contact));
    }

    /** The person's leads, through the leads' e-mail index. */
    private static List<Lead> leadsOf(StoreTransaction tx, Contact contact) {
        java.util.TreeMap<String, Lead> found = new java.util.TreeMap<>();
        for (dev.rapport.crm.party.EmailAddress email : contact.emails()) {
            for (Lead lead : tx.leads().findByEmail(email)) {
                found.put(lead.id().value(), lead);
            }
        }
        return List.copyOf(found.values());
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
