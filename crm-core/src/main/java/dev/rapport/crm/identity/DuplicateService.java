package dev.rapport.crm.identity;

import dev.rapport.crm.CrmNotFoundException;
import dev.rapport.crm.CrmValidationException;
import dev.rapport.crm.EntityId;
import dev.rapport.crm.PageRequest;
import dev.rapport.crm.internal.Checks;
import dev.rapport.crm.internal.ServiceContext;
import dev.rapport.crm.party.Account;
import dev.rapport.crm.party.AccountId;
import dev.rapport.crm.party.Contact;
import dev.rapport.crm.party.ContactId;
import dev.rapport.crm.party.EmailAddress;
import dev.rapport.crm.party.ExternalId;
import dev.rapport.crm.party.NewAccount;
import dev.rapport.crm.party.NewContact;
import dev.rapport.crm.spi.StoreTransaction;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Duplicates of one tenant: candidates for a stored record or for one about to be created, a
 * scan of the whole tenant, and merging of two contacts or two accounts ({@link #mergeContacts},
 * {@link #mergeAccounts}).
 * Candidate look-ups go through the stores' indexes (addresses, numbers, domains, accounts,
 * name words, external ids); nothing is compared with every record.
 *
 * <pre>{@code
 * List<Candidate<ContactId>> before = crm.duplicates().candidates(NewContact.withEmail("ADA+crm@acme.example"));
 * DuplicateScan<AccountId> scan = crm.duplicates().scanAccounts();
 * MergeRecord merge = crm.duplicates().mergeContacts(keep.id(), drop.id());
 * }</pre>
 */
public final class DuplicateService {
    /** Blocks with more records than this are not compared pair by pair in a scan. */
    public static final int MAX_BLOCK = 500;
    private static final int PAGE = 500;

    private final ServiceContext context;
    private final MatchRules contactRules;
    private final MatchRules accountRules;

    /**
     * Creates the service with the default rules ({@link MatchRules#contactDefaults()},
     * {@link MatchRules#accountDefaults()}). Hosts get it from {@code crm.duplicates()}.
     *
     * @param context the service context
     */
    public DuplicateService(ServiceContext context) {
        this(context, MatchRules.contactDefaults(), MatchRules.accountDefaults());
    }

    private DuplicateService(ServiceContext context, MatchRules contactRules, MatchRules accountRules) {
        this.context = context;
        this.contactRules = contactRules;
        this.accountRules = accountRules;
    }

    /**
     * The same service with other rules for contacts.
     *
     * @param rules the rules
     * @return the configured service
     */
    public DuplicateService withContactRules(MatchRules rules) {
        return new DuplicateService(context, Checks.notNull(rules, "rules"), accountRules);
    }

    /**
     * The same service with other rules for accounts.
     *
     * @param rules the rules
     * @return the configured service
     */
    public DuplicateService withAccountRules(MatchRules rules) {
        return new DuplicateService(context, contactRules, Checks.notNull(rules, "rules"));
    }

    /**
     * The rules used for contacts.
     *
     * @return the rules
     */
    public MatchRules contactRules() {
        return contactRules;
    }

    /**
     * The rules used for accounts.
     *
     * @return the rules
     */
    public MatchRules accountRules() {
        return accountRules;
    }

    /**
     * The stored contacts that may be the same person as a stored contact.
     *
     * @param id the contact
     * @return the candidates, best score first (ties by id)
     * @throws CrmNotFoundException if the contact does not exist
     */
    public List<Candidate<ContactId>> candidates(ContactId id) {
        Checks.notNull(id, "contactId");
        return context.read(tx -> {
            Contact contact = tx.contacts().find(id).orElseThrow(() -> new CrmNotFoundException("Contact", id.value()));
            return contactCandidates(tx, profile(tx, contact, new HashMap<>()));
        });
    }

    /**
     * The stored contacts that may be the same person as a contact about to be created, so a host
     * can warn before saving.
     *
     * @param command the contact to be created
     * @return the candidates, best score first (ties by id)
     */
    public List<Candidate<ContactId>> candidates(NewContact command) {
        Checks.notNull(command, "command");
        return context.read(tx -> {
            Account account = command.accountId() == null ? null
                    : tx.accounts().find(command.accountId()).orElse(null);
            return contactCandidates(tx, Profile.of(command, account));
        });
    }

    /**
     * The stored accounts that may be the same company as a stored account.
     *
     * @param id the account
     * @return the candidates, best score first (ties by id)
     * @throws CrmNotFoundException if the account does not exist
     */
    public List<Candidate<AccountId>> candidates(AccountId id) {
        Checks.notNull(id, "accountId");
        return context.read(tx -> {
            Account account = tx.accounts().find(id).orElseThrow(() -> new CrmNotFoundException("Account", id.value()));
            return accountCandidates(tx, Profile.of(account));
        });
    }

    /**
     * The stored accounts that may be the same company as an account about to be created.
     *
     * @param command the account to be created
     * @return the candidates, best score first (ties by id)
     */
    public List<Candidate<AccountId>> candidates(NewAccount command) {
        Checks.notNull(command, "command");
        return context.read(tx -> accountCandidates(tx, Profile.of(command)));
    }

    /**
     * Every pair of matching contacts in the tenant. Only contacts that share a blocking key are
     * compared (see {@link DuplicateScan}).
     *
     * @return the scan
     */
    public DuplicateScan<ContactId> scanContacts() {
        return context.read(tx -> {
            Map<AccountId, Optional<Account>> accounts = new HashMap<>();
            return scan(contactRules, page -> tx.contacts().list(page).items(), c -> profile(tx, c, accounts),
                    Contact::id);
        });
    }

    /**
     * Every pair of matching accounts in the tenant. Only accounts that share a blocking key are
     * compared (see {@link DuplicateScan}).
     *
     * @return the scan
     */
    public DuplicateScan<AccountId> scanAccounts() {
        return context.read(tx -> scan(accountRules, page -> tx.accounts().list(page).items(), Profile::of,
                Account::id));
    }

    private static Profile profile(StoreTransaction tx, Contact contact, Map<AccountId, Optional<Account>> cache) {
        Account account = contact.accountId() == null ? null
                : cache.computeIfAbsent(contact.accountId(), a -> tx.accounts().find(a)).orElse(null);
        return Profile.of(contact, account);
    }

    private List<Candidate<ContactId>> contactCandidates(StoreTransaction tx, Profile subject) {
        Map<ContactId, Contact> found = new LinkedHashMap<>();
        for (MatchRule rule : contactRules.rules()) {
            if (rule instanceof MatchRule.Email e) {
                if (e.ignorePlusAddressing()) {
                    for (String base : subject.emailBases()) {
                        addAll(found, tx.contacts().findByMatchKey(new MatchKey(MatchKey.Kind.EMAIL_BASE, base)),
                                Contact::id);
                    }
                } else {
                    for (String email : subject.emails()) {
                        tx.contacts().findByEmail(EmailAddress.of(email)).ifPresent(c -> found.put(c.id(), c));
                    }
                }
            } else if (rule instanceof MatchRule.Phone) {
                for (String phone : subject.phones()) {
                    addAll(found, tx.contacts().findByMatchKey(new MatchKey(MatchKey.Kind.PHONE, phone)), Contact::id);
                }
            } else if (rule instanceof MatchRule.Domain d) {
                for (String domain : Matcher.companyDomains(d, subject)) {
                    addAll(found, tx.contacts().findByMatchKey(new MatchKey(MatchKey.Kind.EMAIL_DOMAIN, domain)),
                            Contact::id);
                    for (Account account : tx.accounts().findByDomain(domain)) {
                        addAll(found, tx.contacts().findByAccount(account.id()), Contact::id);
                    }
                }
            } else if (rule instanceof MatchRule.FuzzyName) {
                if (subject.scope() != null) {
                    addAll(found, tx.contacts().findByAccount(subject.scope()), Contact::id);
                }
            } else if (rule instanceof MatchRule.External x) {
                for (ExternalId id : Matcher.externalIds(x, subject)) {
                    tx.contacts().findByExternalId(id).ifPresent(c -> found.put(c.id(), c));
                }
            }
        }
        Map<AccountId, Optional<Account>> accounts = new HashMap<>();
        List<Candidate<ContactId>> result = new ArrayList<>();
        for (Contact c : found.values()) {
            if (!c.id().equals(subject.id())) {
                Matcher.Outcome outcome = Matcher.evaluate(contactRules, subject, profile(tx, c, accounts));
                if (outcome != null) {
                    result.add(new Candidate<>(c.id(), outcome.score(), outcome.matched()));
                }
            }
        }
        return sorted(result);
    }

    private List<Candidate<AccountId>> accountCandidates(StoreTransaction tx, Profile subject) {
        Map<AccountId, Account> found = new LinkedHashMap<>();
        for (MatchRule rule : accountRules.rules()) {
            if (rule instanceof MatchRule.Domain d) {
                for (String domain : Matcher.companyDomains(d, subject)) {
                    addAll(found, tx.accounts().findByDomain(domain), Account::id);
                }
            } else if (rule instanceof MatchRule.FuzzyName) {
                if (subject.name() != null) {
                    for (String token : Normalize.companyTokens(subject.name())) {
                        addAll(found, tx.accounts().findByMatchKey(new MatchKey(MatchKey.Kind.NAME_TOKEN, token)),
                                Account::id);
                    }
                }
            } else if (rule instanceof MatchRule.External x) {
                for (ExternalId id : Matcher.externalIds(x, subject)) {
                    tx.accounts().findByExternalId(id).ifPresent(a -> found.put(a.id(), a));
                }
            }
        }
        List<Candidate<AccountId>> result = new ArrayList<>();
        for (Account a : found.values()) {
            if (!a.id().equals(subject.id())) {
                Matcher.Outcome outcome = Matcher.evaluate(accountRules, subject, Profile.of(a));
                if (outcome != null) {
                    result.add(new Candidate<>(a.id(), outcome.score(), outcome.matched()));
                }
            }
        }
        return sorted(result);
    }

    private static <I, T> void addAll(Map<I, T> found, List<T> rows, Function<T, I> id) {
        for (T row : rows) {
            found.putIfAbsent(id.apply(row), row);
        }
    }

    private static <I extends EntityId> List<Candidate<I>> sorted(List<Candidate<I>> candidates) {
        candidates.sort(Comparator.<Candidate<I>>comparingDouble(Candidate::score).reversed()
                .thenComparing(c -> c.id().value()));
        return List.copyOf(candidates);
    }

    private static <I extends EntityId, T> DuplicateScan<I> scan(MatchRules rules,
            Function<PageRequest, List<T>> pages, Function<T, Profile> toProfile, Function<T, I> idOf) {
        List<I> ids = new ArrayList<>();
        List<Profile> profiles = new ArrayList<>();
        Map<Object, List<Integer>> blocks = new HashMap<>();
        for (int offset = 0;; offset += PAGE) {
            List<T> rows = pages.apply(new PageRequest(offset, PAGE));
            for (T row : rows) {
                int index = ids.size();
                ids.add(idOf.apply(row));
                Profile p = toProfile.apply(row);
                profiles.add(p);
                for (Object key : Matcher.blockingKeys(rules, p)) {
                    blocks.computeIfAbsent(key, k -> new ArrayList<>()).add(index);
                }
            }
            if (rows.size() < PAGE) {
                break;
            }
        }
        Set<Long> compared = new HashSet<>();
        long oversized = 0;
        List<DuplicatePair<I>> pairs = new ArrayList<>();
        for (List<Integer> block : blocks.values()) {
            if (block.size() > MAX_BLOCK) {
                oversized++;
                continue;
            }
            for (int i = 0; i < block.size(); i++) {
                for (int j = i + 1; j < block.size(); j++) {
                    int a = Math.min(block.get(i), block.get(j));
                    int b = Math.max(block.get(i), block.get(j));
                    if (!compared.add(((long) a << 32) | b)) {
                        continue;
                    }
                    Matcher.Outcome outcome = Matcher.evaluate(rules, profiles.get(a), profiles.get(b));
                    if (outcome != null) {
                        pairs.add(new DuplicatePair<>(ids.get(a), ids.get(b), outcome.score(), outcome.matched()));
                    }
                }
            }
        }
        pairs.sort(Comparator.<DuplicatePair<I>>comparingDouble(DuplicatePair::score).reversed()
                .thenComparing(p -> p.first().value()).thenComparing(p -> p.second().value()));
        return new DuplicateScan<>(pairs, ids.size(), compared.size(), oversized);
    }

    /**
     * Merges two contacts with the default survivorship rules
     * ({@link Survivorship#contactDefaults()}); see {@link #mergeContacts(ContactId, ContactId, Survivorship)}.
     *
     * @param survivorId the contact that remains
     * @param loserId the contact merged into it and removed
     * @return the record of the merge
     * @throws CrmNotFoundException if a contact does not exist
     * @throws CrmValidationException naming {@code loserId} if it is the survivor, or the field
     *     whose merged value is invalid
     */
    public MergeRecord mergeContacts(ContactId survivorId, ContactId loserId) {
        return mergeContacts(survivorId, loserId, Survivorship.contactDefaults());
    }

    /**
     * Merges two contacts in one atomic command: the survivor's fields are picked by the
     * survivorship rules; it keeps both contacts' e-mail addresses and external ids (so look-ups by
     * the loser's address or id find the survivor) and the lifecycle stage further along; every
     * record that pointed to the loser (contact roles on accounts and opportunities,
     * subscriptions, activities, tasks, tickets, campaign memberships) points to the survivor, and
     * the loser's consents join the survivor's (the latest decision per purpose and channel is
     * current); the loser is removed; a {@link MergeRecord} is stored and
     * {@link dev.rapport.crm.event.ContactsMerged} published. If anything fails, nothing is
     * changed and nothing is published.
     *
     * @param survivorId the contact that remains
     * @param loserId the contact merged into it and removed
     * @param rules the survivorship rules
     * @return the record of the merge
     * @throws CrmNotFoundException if a contact does not exist
     * @throws CrmValidationException naming {@code loserId} if it is the survivor, or the field
     *     whose merged value is invalid
     */
    public MergeRecord mergeContacts(ContactId survivorId, ContactId loserId, Survivorship<Contact> rules) {
        Checks.notNull(survivorId, "survivorId");
        Checks.notNull(loserId, "loserId");
        Checks.notNull(rules, "rules");
        return context.write(uow -> Merges.contacts(uow, survivorId, loserId, rules));
    }

    /**
     * Merges two accounts with the default survivorship rules
     * ({@link Survivorship#accountDefaults()}); see {@link #mergeAccounts(AccountId, AccountId, Survivorship)}.
     *
     * @param survivorId the account that remains
     * @param loserId the account merged into it and removed
     * @return the record of the merge
     * @throws CrmNotFoundException if an account does not exist
     * @throws CrmValidationException naming {@code loserId} if it is the survivor, or the field
     *     whose merged value is invalid
     */
    public MergeRecord mergeAccounts(AccountId survivorId, AccountId loserId) {
        return mergeAccounts(survivorId, loserId, Survivorship.accountDefaults());
    }

    /**
     * Merges two accounts in one atomic command: the survivor's fields are picked by the
     * survivorship rules; it keeps both accounts' external ids and contact roles; every record
     * that pointed to the loser (its contacts, its subsidiaries, opportunities, subscriptions,
     * activities, tasks, tickets) points to the survivor; the loser is removed; a
     * {@link MergeRecord} is stored and {@link dev.rapport.crm.event.AccountsMerged} published.
     * If anything fails, nothing is changed and nothing is published. A parent that would make a
     * cycle (the survivor, the loser or one of their subsidiaries) is replaced by the survivor's
     * parent, else the loser's, else none.
     *
     * @param survivorId the account that remains
     * @param loserId the account merged into it and removed
     * @param rules the survivorship rules
     * @return the record of the merge
     * @throws CrmNotFoundException if an account does not exist
     * @throws CrmValidationException naming {@code loserId} if it is the survivor, or the field
     *     whose merged value is invalid
     */
    public MergeRecord mergeAccounts(AccountId survivorId, AccountId loserId, Survivorship<Account> rules) {
        Checks.notNull(survivorId, "survivorId");
        Checks.notNull(loserId, "loserId");
        Checks.notNull(rules, "rules");
        return context.write(uow -> Merges.accounts(uow, survivorId, loserId, rules));
    }

    /**
     * The contact a contact id stands for now: the id itself, or, if it was merged away, the
     * survivor (following merges of merges).
     *
     * @param id a contact id, current or merged away
     * @return the current id
     */
    public ContactId survivorOf(ContactId id) {
        Checks.notNull(id, "contactId");
        return context.read(tx -> follow(tx, id, ContactId.class));
    }

    /**
     * The account an account id stands for now: the id itself, or, if it was merged away, the
     * survivor (following merges of merges).
     *
     * @param id an account id, current or merged away
     * @return the current id
     */
    public AccountId survivorOf(AccountId id) {
        Checks.notNull(id, "accountId");
        return context.read(tx -> follow(tx, id, AccountId.class));
    }

    /**
     * The merges into a record, oldest id first.
     *
     * @param survivorId a contact or account id
     * @return the merge records
     */
    public List<MergeRecord> mergesInto(EntityId survivorId) {
        Checks.notNull(survivorId, "survivorId");
        return context.read(tx -> tx.mergeRecords().findBySurvivor(survivorId));
    }

    /** The id a possibly merged-away id stands for now, following merges of merges. */
    static <I extends EntityId> I follow(StoreTransaction tx, I id, Class<I> type) {
        I current = id;
        Set<EntityId> seen = new HashSet<>();
        while (seen.add(current)) {
            Optional<MergeRecord> merge = tx.mergeRecords().findByLoser(current);
            if (merge.isEmpty()) {
                break;
            }
            current = type.cast(merge.get().survivorId());
        }
        return current;
    }
}
