package dev.rapport.crm.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.crm.Crm;
import dev.rapport.crm.CrmValidationException;
import dev.rapport.crm.TenantId;
import dev.rapport.crm.TestClock;
import dev.rapport.crm.party.Account;
import dev.rapport.crm.party.AccountId;
import dev.rapport.crm.party.Contact;
import dev.rapport.crm.party.ContactId;
import dev.rapport.crm.party.NewAccount;
import dev.rapport.crm.party.NewContact;
import dev.rapport.crm.spi.IdGenerator;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DuplicateCandidatesTest {
    private final Crm crm = Crm.builder().clock(TestClock.at("2026-03-01T09:00:00Z"))
            .idGenerator(IdGenerator.sequential("t")).build();

    private DuplicateService only(MatchRule rule) {
        return crm.duplicates().withContactRules(MatchRules.any(List.of(rule)))
                .withAccountRules(MatchRules.any(List.of(rule)));
    }

    @Test
    void aNewContactWithAnExistingAddressInAnotherSpellingIsACandidate() {
        Contact ada = crm.contacts().create(NewContact.named("Ada", "Lovelace").email("ada@acme.example"));

        List<Candidate<ContactId>> found = only(MatchRule.email())
                .candidates(NewContact.named("A.", "King").email("  ADA@Acme.Example "));

        assertThat(found).singleElement().satisfies(c -> {
            assertThat(c.id()).isEqualTo(ada.id());
            assertThat(c.score()).isEqualTo(1.0);
            assertThat(c.ruleNames()).containsExactly("email");
        });
    }

    @Test
    void plusAddressingCountsOnlyWhenTheRuleIgnoresIt() {
        Contact ada = crm.contacts().create(NewContact.withEmail("ada@acme.example"));
        NewContact tagged = NewContact.withEmail("ada+newsletter@acme.example");

        assertThat(only(MatchRule.email()).candidates(tagged)).isEmpty();
        assertThat(only(MatchRule.email().ignoringPlusAddressing()).candidates(tagged))
                .extracting(Candidate::id).containsExactly(ada.id());
    }

    @Test
    void contactsWithTheSameNumberInAnotherFormatMatchOnPhone() {
        Contact ada = crm.contacts().create(NewContact.named("Ada", "Lovelace").phone("+49 (30) 123-456"));

        assertThat(only(MatchRule.phone()).candidates(NewContact.named("X", "Y").phone("0049 30 123456")))
                .extracting(Candidate::id).containsExactly(ada.id());
    }

    @Test
    void theDomainRuleUsesTheAccountsWebsiteAndCompanyAddressesButNotFreeMail() {
        Account acme = crm.accounts().create(NewAccount.named("Acme").domain("https://www.acme.example/"));
        Contact viaAccount = crm.contacts().create(NewContact.named("Ada", "Lovelace").account(acme.id()));
        Contact viaEmail = crm.contacts().create(NewContact.withEmail("bob@acme.example"));
        crm.contacts().create(NewContact.withEmail("someone@gmail.com"));

        DuplicateService domain = only(MatchRule.domain());

        assertThat(domain.candidates(NewContact.withEmail("carol@ACME.example")))
                .extracting(Candidate::id).containsExactly(viaAccount.id(), viaEmail.id());
        assertThat(domain.candidates(NewContact.withEmail("other@gmail.com"))).isEmpty();
    }

    @Test
    void similarNamesMatchOnlyWithinTheSameAccount() {
        Account acme = crm.accounts().create(NewAccount.named("Acme"));
        Account other = crm.accounts().create(NewAccount.named("Other"));
        Contact jon = crm.contacts().create(NewContact.named("Jonathan", "Smith").account(acme.id()));
        crm.contacts().create(NewContact.named("Jonathan", "Smith").account(other.id()));
        crm.contacts().create(NewContact.named("Jonathan", "Smith"));

        List<Candidate<ContactId>> found = only(MatchRule.fuzzyName(0.9))
                .candidates(NewContact.named("Jonathon", "Smyth").account(acme.id()));

        assertThat(found).singleElement().satisfies(c -> {
            assertThat(c.id()).isEqualTo(jon.id());
            assertThat(c.score()).isGreaterThanOrEqualTo(0.9).isLessThan(1.0);
            assertThat(c.ruleNames()).containsExactly("fuzzyName");
        });
    }

    @Test
    void namesAreComparedWithoutAccentsCaseAndInEitherOrder() {
        Account acme = crm.accounts().create(NewAccount.named("Acme"));
        Contact jose = crm.contacts().create(NewContact.named("José", "Müller").account(acme.id()));

        assertThat(only(MatchRule.fuzzyName(0.99)).candidates(NewContact.named("MULLER", "jose").account(acme.id())))
                .extracting(Candidate::id).containsExactly(jose.id());
    }

    @Test
    void externalIdsMatchPerSystem() {
        Contact ada = crm.contacts().create(NewContact.named("Ada", "Lovelace").externalId("SAP", "4711"));

        assertThat(only(MatchRule.externalId()).candidates(NewContact.named("A", "L").externalId("sap", "4711")))
                .extracting(Candidate::id).containsExactly(ada.id());
        assertThat(only(MatchRule.externalId("shop")).candidates(NewContact.named("A", "L").externalId("sap", "4711")))
                .isEmpty();
        assertThat(only(MatchRule.externalId()).candidates(NewContact.named("A", "L").externalId("shop", "4711")))
                .isEmpty();
    }

    @Test
    void underAllEveryComparedRuleMustMatch() {
        Account acme = crm.accounts().create(NewAccount.named("Acme").domain("acme.example"));
        Contact ada = crm.contacts().create(NewContact.named("Ada", "Lovelace").email("ada@acme.example")
                .account(acme.id()));
        DuplicateService strict = crm.duplicates().withContactRules(
                MatchRules.all(List.of(MatchRule.domain(), MatchRule.fuzzyName(0.9))));

        assertThat(strict.candidates(NewContact.named("Ada", "Lovelace").email("a.lovelace@acme.example")
                .account(acme.id()))).extracting(Candidate::id).containsExactly(ada.id());
        assertThat(strict.candidates(NewContact.named("Grace", "Hopper").email("grace@acme.example")
                .account(acme.id()))).isEmpty();
    }

    @Test
    void theBlankPolicyDecidesWhetherAMissingValueFailsARuleUnderAll() {
        Account acme = crm.accounts().create(NewAccount.named("Acme"));
        Contact ada = crm.contacts().create(NewContact.named("Ada", "Lovelace").account(acme.id()));
        MatchRules rules = MatchRules.all(List.of(MatchRule.email(), MatchRule.fuzzyName(0.9)));
        NewContact noEmail = NewContact.named("Ada", "Lovelace").account(acme.id());

        List<Candidate<ContactId>> ignoring = crm.duplicates().withContactRules(rules).candidates(noEmail);
        assertThat(ignoring).extracting(Candidate::id).containsExactly(ada.id());
        assertThat(ignoring.get(0).score()).isEqualTo(1.0);
        assertThat(crm.duplicates().withContactRules(rules.blanks(BlankPolicy.NO_MATCH)).candidates(noEmail))
                .isEmpty();
    }

    @Test
    void underNoMatchABlankRuleLowersTheScore() {
        Contact ada = crm.contacts().create(NewContact.named("Ada", "Lovelace").email("ada@acme.example"));
        MatchRules rules = MatchRules.any(List.of(MatchRule.email(), MatchRule.phone()));

        assertThat(crm.duplicates().withContactRules(rules.blanks(BlankPolicy.NO_MATCH))
                .candidates(NewContact.withEmail("ada@acme.example")))
                .singleElement().satisfies(c -> {
                    assertThat(c.id()).isEqualTo(ada.id());
                    assertThat(c.score()).isEqualTo(0.5);
                });
    }

    @Test
    void candidatesForAStoredContactLeaveItOutAndComeBestFirst() {
        Account acme = crm.accounts().create(NewAccount.named("Acme"));
        Contact ada = crm.contacts().create(NewContact.named("Ada", "Lovelace").email("ada@acme.example")
                .phone("+4930123456").account(acme.id()));
        Contact close = crm.contacts().create(NewContact.named("Ada", "Lovelace").email("ada+x@acme.example")
                .phone("+4930123456").account(acme.id()));
        Contact nameOnly = crm.contacts().create(NewContact.named("Ada", "Lovelance").account(acme.id()));

        List<Candidate<ContactId>> found = crm.duplicates().candidates(ada.id());

        assertThat(found).extracting(Candidate::id).containsExactly(close.id(), nameOnly.id());
        assertThat(found.get(0).ruleNames()).containsExactly("email", "phone", "fuzzyName");
        assertThat(found.get(0).score()).isGreaterThan(found.get(1).score());
    }

    @Test
    void accountsMatchOnDomainExternalIdOrASimilarNameWithoutLegalForms() {
        Account acme = crm.accounts().create(NewAccount.named("ACME GmbH").domain("acme.example"));
        Account sap = crm.accounts().create(NewAccount.named("Initech").externalId("sap", "100"));

        assertThat(crm.duplicates().candidates(NewAccount.named("Acme Ltd.")))
                .singleElement().satisfies(c -> {
                    assertThat(c.id()).isEqualTo(acme.id());
                    assertThat(c.ruleNames()).containsExactly("fuzzyName");
                });
        assertThat(crm.duplicates().candidates(NewAccount.named("Unrelated").domain("www.acme.example")))
                .extracting(Candidate::id).containsExactly(acme.id());
        assertThat(crm.duplicates().candidates(NewAccount.named("Unrelated").externalId("SAP", "100")))
                .extracting(Candidate::id).containsExactly(sap.id());
        List<Candidate<AccountId>> none = crm.duplicates().candidates(NewAccount.named("Globex"));
        assertThat(none).isEmpty();
    }

    @Test
    void candidatesNeverCrossTenants() {
        crm.forTenant(TenantId.of("a")).contacts().create(NewContact.withEmail("ada@acme.example"));
        crm.forTenant(TenantId.of("a")).accounts().create(NewAccount.named("Acme").domain("acme.example"));

        Crm b = crm.forTenant(TenantId.of("b"));
        assertThat(b.duplicates().candidates(NewContact.withEmail("ada@acme.example"))).isEmpty();
        assertThat(b.duplicates().candidates(NewAccount.named("Acme").domain("acme.example"))).isEmpty();
        assertThat(b.duplicates().scanContacts().records()).isZero();
    }

    @Test
    void badRuleConfigurationsAreRefusedNamingTheField() {
        assertThatThrownBy(() -> MatchRule.fuzzyName(1.5)).isInstanceOfSatisfying(CrmValidationException.class,
                e -> assertThat(e.field()).isEqualTo("threshold"));
        assertThatThrownBy(() -> MatchRules.any(List.of())).isInstanceOfSatisfying(CrmValidationException.class,
                e -> assertThat(e.field()).isEqualTo("rules"));
        assertThatThrownBy(() -> MatchRules.any(List.of(MatchRule.phone(), MatchRule.phone())))
                .isInstanceOfSatisfying(CrmValidationException.class, e -> assertThat(e.field()).isEqualTo("rules"));
        assertThatThrownBy(() -> MatchRule.domain().withFreeMailDomains(Set.of(" ")))
                .isInstanceOfSatisfying(CrmValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("freeMailDomains"));
    }
}
