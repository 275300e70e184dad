package dev.rapport.crm.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.crm.Crm;
import dev.rapport.crm.CrmValidationException;
import dev.rapport.crm.PageRequest;
import dev.rapport.crm.party.Account;
import dev.rapport.crm.party.AccountId;
import dev.rapport.crm.party.Contact;
import dev.rapport.crm.party.ContactId;
import dev.rapport.crm.party.NewAccount;
import dev.rapport.crm.party.NewContact;
import dev.rapport.crm.property.ForAll;
import dev.rapport.crm.property.Gen;
import dev.rapport.crm.property.Property;
import dev.rapport.crm.spi.IdGenerator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Blocking never loses a match: over random small stores with many near-duplicates, the indexed
 * candidates of every record and the blocked scan find exactly the pairs that comparing every
 * record with every other finds, and matching is symmetric.
 */
class DuplicateProperties {
    private static final List<String> FIRST = List.of("Ada", "Adah", "Jonathan", "Jonathon", "José", "Jose", "Bob");
    private static final List<String> LAST = List.of("Lovelace", "Lovelance", "Smith", "Smyth", "Müller", "Muller");
    private static final List<String> LOCAL = List.of("ada", "ada+x", "jon", "jon+news", "bob");
    private static final List<String> DOMAIN = List.of("acme.example", "globex.example", "gmail.com");
    private static final List<String> COMPANY = List.of("Acme GmbH", "ACME Ltd", "Acme Corp", "Globex", "Globex Inc",
            "Initech");

    record Person(int first, int last, int local, int domain, int phone, int account, int external) {
    }

    record Company(int name, int domain, int external) {
    }

    static Gen<List<Person>> people() {
        Gen<Integer> small = Gen.integers(0, 6);
        return Gen.lists(Gen.zip(Gen.zip(Gen.zip(small, small, (a, b) -> new int[] {a, b}),
                Gen.zip(small, small, (a, b) -> new int[] {a, b}), (x, y) -> new int[] {x[0], x[1], y[0], y[1]}),
                Gen.zip(Gen.zip(small, small, (a, b) -> new int[] {a, b}), small,
                        (x, c) -> new int[] {x[0], x[1], c}),
                (x, y) -> new Person(x[0], x[1], x[2], x[3], y[0], y[1], y[2])), 0, 14);
    }

    static Gen<List<Company>> companies() {
        Gen<Integer> small = Gen.integers(0, 6);
        return Gen.lists(Gen.zip(Gen.zip(small, small, (a, b) -> new int[] {a, b}), small,
                (x, c) -> new Company(x[0], x[1], c)), 1, 8);
    }

    @Property(tries = 150)
    void contactCandidatesAndTheScanAgreeWithComparingEveryPair(@ForAll("companies") List<Company> companies,
            @ForAll("people") List<Person> people) {
        Crm crm = Crm.builder().idGenerator(IdGenerator.sequential("d")).build();
        List<AccountId> accounts = createAccounts(crm, companies);
        for (Person p : people) {
            NewContact command = NewContact.named(FIRST.get(p.first() % FIRST.size()), LAST.get(p.last() % LAST.size()));
            if (p.local() < LOCAL.size()) {
                command = command.email(LOCAL.get(p.local()) + "@" + DOMAIN.get(p.domain() % DOMAIN.size()));
            }
            if (p.phone() < 3) {
                command = command.phone("+4930100" + p.phone());
            }
            if (p.account() < accounts.size()) {
                command = command.account(accounts.get(p.account()));
            }
            if (p.external() < 2) {
                command = command.externalId("shop", "c" + p.external());
            }
            try {
                crm.contacts().create(command);
            } catch (CrmValidationException taken) {
                // an address or external id another contact has: not stored, as a host would see it
            }
        }
        List<Contact> all = crm.contacts().list(PageRequest.first(1000)).items();
        Map<AccountId, Account> byId = new HashMap<>();
        crm.accounts().list(PageRequest.first(1000)).items().forEach(a -> byId.put(a.id(), a));
        MatchRules rules = MatchRules.any(List.of(MatchRule.email().ignoringPlusAddressing(), MatchRule.phone(),
                MatchRule.domain(), MatchRule.fuzzyName(0.9), MatchRule.externalId()));
        DuplicateService service = crm.duplicates().withContactRules(rules);

        Set<List<String>> expected = new HashSet<>();
        for (Contact a : all) {
            for (Contact b : all) {
                if (a.id().value().compareTo(b.id().value()) < 0) {
                    Profile pa = Profile.of(a, a.accountId() == null ? null : byId.get(a.accountId()));
                    Profile pb = Profile.of(b, b.accountId() == null ? null : byId.get(b.accountId()));
                    boolean ab = Matcher.evaluate(rules, pa, pb) != null;
                    assertThat(Matcher.evaluate(rules, pb, pa) != null).as("symmetric").isEqualTo(ab);
                    if (ab) {
                        expected.add(List.of(a.id().value(), b.id().value()));
                    }
                }
            }
        }

        Set<List<String>> scanned = new HashSet<>();
        service.scanContacts().pairs().forEach(p -> scanned.add(List.of(p.first().value(), p.second().value())));
        assertThat(scanned).isEqualTo(expected);
        Set<List<String>> viaCandidates = new HashSet<>();
        for (Contact c : all) {
            for (Candidate<ContactId> candidate : service.candidates(c.id())) {
                String x = c.id().value();
                String y = candidate.id().value();
                viaCandidates.add(x.compareTo(y) < 0 ? List.of(x, y) : List.of(y, x));
            }
        }
        assertThat(viaCandidates).isEqualTo(expected);
    }

    @Property(tries = 150)
    void accountCandidatesAndTheScanAgreeWithComparingEveryPair(@ForAll("companies") List<Company> companies) {
        Crm crm = Crm.builder().idGenerator(IdGenerator.sequential("d")).build();
        createAccounts(crm, companies);
        List<Account> all = crm.accounts().list(PageRequest.first(1000)).items();
        MatchRules rules = MatchRules.any(List.of(MatchRule.domain(), MatchRule.fuzzyName(0.9),
                MatchRule.externalId()));
        DuplicateService service = crm.duplicates().withAccountRules(rules);

        Set<List<String>> expected = new HashSet<>();
        for (Account a : all) {
            for (Account b : all) {
                if (a.id().value().compareTo(b.id().value()) < 0
                        && Matcher.evaluate(rules, Profile.of(a), Profile.of(b)) != null
                        && shareAWordOrAnotherKey(rules, a, b)) {
                    expected.add(List.of(a.id().value(), b.id().value()));
                }
            }
        }
        Set<List<String>> scanned = new HashSet<>();
        service.scanAccounts().pairs().forEach(p -> scanned.add(List.of(p.first().value(), p.second().value())));
        assertThat(scanned).isEqualTo(expected);
        Set<List<String>> viaCandidates = new HashSet<>();
        for (Account a : all) {
            for (Candidate<AccountId> candidate : service.candidates(a.id())) {
                String x = a.id().value();
                String y = candidate.id().value();
                viaCandidates.add(x.compareTo(y) < 0 ? List.of(x, y) : List.of(y, x));
            }
        }
        assertThat(viaCandidates).isEqualTo(expected);
    }

    /** Company names are compared only when they share a word (the documented blocking limit). */
    private static boolean shareAWordOrAnotherKey(MatchRules rules, Account a, Account b) {
        Set<Object> keys = new HashSet<>(Matcher.blockingKeys(rules, Profile.of(a)));
        keys.retainAll(Matcher.blockingKeys(rules, Profile.of(b)));
        return !keys.isEmpty();
    }

    private static List<AccountId> createAccounts(Crm crm, List<Company> companies) {
        List<AccountId> ids = new ArrayList<>();
        for (Company c : companies) {
            NewAccount command = NewAccount.named(COMPANY.get(c.name() % COMPANY.size()));
            if (c.domain() < DOMAIN.size() - 1) {
                command = command.domain(DOMAIN.get(c.domain()));
            }
            if (c.external() < 2) {
                command = command.externalId("sap", "a" + c.external());
            }
            try {
                ids.add(crm.accounts().create(command).id());
            } catch (CrmValidationException taken) {
                // an external id another account has
            }
        }
        return ids;
    }
}
