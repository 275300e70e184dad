package dev.rapport.crm.lead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.crm.Crm;
import dev.rapport.crm.CrmNotFoundException;
import dev.rapport.crm.CrmValidationException;
import dev.rapport.crm.PageRequest;
import dev.rapport.crm.TenantId;
import dev.rapport.crm.TestClock;
import dev.rapport.crm.directory.InMemoryDirectory;
import dev.rapport.crm.directory.User;
import dev.rapport.crm.directory.UserId;
import dev.rapport.crm.event.AccountCreated;
import dev.rapport.crm.event.ContactCreated;
import dev.rapport.crm.event.ContactUpdated;
import dev.rapport.crm.event.CrmEvent;
import dev.rapport.crm.event.LeadConverted;
import dev.rapport.crm.event.LifecycleChanged;
import dev.rapport.crm.lifecycle.LifecycleStage;
import dev.rapport.crm.party.Account;
import dev.rapport.crm.party.AccountId;
import dev.rapport.crm.party.Contact;
import dev.rapport.crm.party.ContactId;
import dev.rapport.crm.party.EmailAddress;
import dev.rapport.crm.party.NewAccount;
import dev.rapport.crm.party.NewContact;
import dev.rapport.crm.spi.IdGenerator;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class LeadConversionTest {
    private static final UserId ALICE = UserId.of("alice");
    private static final UserId BOB = UserId.of("bob");

    private final TestClock clock = TestClock.at("2026-03-01T09:00:00Z");
    private final FailingStore store = new FailingStore();
    private final Crm crm = Crm.builder().clock(clock).store(store)
            .directory(new InMemoryDirectory().addUser(User.of(ALICE)).addUser(User.of(BOB)))
            .idGenerator(IdGenerator.sequential("t")).build();
    private final List<CrmEvent> events = new ArrayList<>();

    {
        crm.events().subscribe(events::add);
    }

    private Lead capture(NewLead lead) {
        return crm.leads().capture(lead);
    }

    private Lead grace() {
        return capture(NewLead.from(LeadSource.WEB_FORM).email("grace@fleet.example").company("Fleet Ltd")
                .name("Grace", "Hopper").phone("+44 20 7946 0000").title("Admiral").owner(ALICE));
    }

    private record Snapshot(List<Contact> contacts, List<Account> accounts, List<Lead> leads) {
    }

    private Snapshot snapshot() {
        return new Snapshot(crm.contacts().list(PageRequest.first(100)).items(),
                crm.accounts().list(PageRequest.first(100)).items(),
                crm.leads().list(PageRequest.first(100)).items());
    }

    /** Asserts that the conversion is refused naming the field, and that it stored and published nothing. */
    private void refusedWithoutChange(ThrowingCallable call, String field) {
        Snapshot before = snapshot();
        events.clear();
        assertThatThrownBy(call).isInstanceOfSatisfying(CrmValidationException.class,
                e -> assertThat(e.field()).isEqualTo(field));
        assertThat(snapshot()).isEqualTo(before);
        assertThat(events).isEmpty();
    }

    @Test
    void convertingANewPersonCreatesAContactAndAnAccountAndMarksTheLeadConverted() {
        Lead lead = grace();

        Conversion c = crm.leads().convert(lead.id(), ConvertLead.plain());

        assertThat(c.newContact()).isTrue();
        assertThat(c.newAccount()).isTrue();
        assertThat(c.opportunityId()).isNull();
        Contact contact = crm.contacts().get(c.contactId());
        assertThat(contact.firstName()).isEqualTo("Grace");
        assertThat(contact.lastName()).isEqualTo("Hopper");
        assertThat(contact.emails()).containsExactly(EmailAddress.of("grace@fleet.example"));
        assertThat(contact.phones()).containsExactly(lead.phone());
        assertThat(contact.title()).isEqualTo("Admiral");
        assertThat(contact.ownerId()).isEqualTo(ALICE);
        assertThat(contact.accountId()).isEqualTo(c.accountId());
        Account account = crm.accounts().get(c.accountId());
        assertThat(account.name()).isEqualTo("Fleet Ltd");
        assertThat(account.domain()).isEqualTo("fleet.example");
        assertThat(account.ownerId()).isEqualTo(ALICE);

        Lead converted = crm.leads().get(lead.id());
        assertThat(converted.status()).isEqualTo(LeadStatus.CONVERTED);
        assertThat(converted.version()).isEqualTo(2);
        assertThat(converted.conversion())
                .isEqualTo(new ConversionLink(c.contactId(), c.accountId(), null, clock.instant()));
        assertThat(crm.leads().findByStatus(LeadStatus.CONVERTED)).containsExactly(converted);
    }

    @Test
    void theContactIsPromotedToSalesQualified() {
        Conversion c = crm.leads().convert(grace().id(), ConvertLead.plain());

        Contact contact = crm.contacts().get(c.contactId());
        assertThat(contact.lifecycleStage()).isEqualTo(LifecycleStage.SALES_QUALIFIED);
        assertThat(contact.lifecycleHistory()).extracting(t -> t.to())
                .containsExactly(LifecycleStage.LEAD, LifecycleStage.SALES_QUALIFIED);
    }

    @Test
    void aContactAlreadyFurtherAlongKeepsItsLifecycleStage() {
        Contact customer = crm.contacts().create(NewContact.withEmail("grace@fleet.example")
                .lifecycleStage(LifecycleStage.CUSTOMER));

        Conversion c = crm.leads().convert(grace().id(), ConvertLead.plain());

        assertThat(c.contactId()).isEqualTo(customer.id());
        assertThat(crm.contacts().get(customer.id()).lifecycleStage()).isEqualTo(LifecycleStage.CUSTOMER);
    }

    @Test
    void conversionPublishesTheCreationsThenLeadConverted() {
        Lead lead = grace();
        events.clear();

        Conversion c = crm.leads().convert(lead.id(), ConvertLead.plain());

        assertThat(events).extracting(e -> e.getClass().getSimpleName())
                .containsExactly("AccountCreated", "ContactCreated", "LifecycleChanged", "LeadConverted");
        assertThat(events.get(0)).isInstanceOfSatisfying(AccountCreated.class,
                e -> assertThat(e.accountId()).isEqualTo(c.accountId()));
        assertThat(events.get(1)).isInstanceOfSatisfying(ContactCreated.class,
                e -> assertThat(e.contactId()).isEqualTo(c.contactId()));
        assertThat(events.get(2)).isInstanceOfSatisfying(LifecycleChanged.class,
                e -> assertThat(e.to()).isEqualTo(LifecycleStage.SALES_QUALIFIED));
        assertThat(events.get(3)).isInstanceOfSatisfying(LeadConverted.class, e -> {
            assertThat(e.leadId()).isEqualTo(lead.id());
            assertThat(e.contactId()).isEqualTo(c.contactId());
            assertThat(e.accountId()).isEqualTo(c.accountId());
            assertThat(e.opportunityId()).isNull();
            assertThat(e.newContact()).isTrue();
            assertThat(e.newAccount()).isTrue();
            assertThat(e.meta().occurredAt()).isEqualTo(clock.instant());
        });
    }

    @Test
    void anExistingContactWithTheSameEmailInAnySpellingIsReused() {
        Contact existing = crm.contacts().create(NewContact.named("Grace", "H.").email("grace@fleet.example"));
        Lead lead = capture(NewLead.from(LeadSource.EVENT).email("  GRACE@Fleet.Example ").company("Fleet Ltd"));
        events.clear();

        Conversion c = crm.leads().convert(lead.id(), ConvertLead.plain());

        assertThat(c.contactId()).isEqualTo(existing.id());
        assertThat(c.newContact()).isFalse();
        assertThat(crm.contacts().count()).isEqualTo(1);
        assertThat(events).filteredOn(LeadConverted.class::isInstance).singleElement()
                .isInstanceOfSatisfying(LeadConverted.class, e -> assertThat(e.newContact()).isFalse());
        assertThat(events).noneMatch(ContactCreated.class::isInstance);
    }

    @Test
    void aReusedContactWithoutAnAccountIsLinkedToTheAccount() {
        Contact existing = crm.contacts().create(NewContact.withEmail("grace@fleet.example"));

        Conversion c = crm.leads().convert(grace().id(), ConvertLead.plain());

        assertThat(crm.contacts().get(existing.id()).accountId()).isEqualTo(c.accountId()).isNotNull();
        assertThat(events).anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(ContactUpdated.class,
                u -> assertThat(u.changedFields()).containsExactly("accountId")));
    }

    @Test
    void aReusedContactWithAnAccountKeepsItAndTheAccountIsReusedInsteadOfDuplicated() {
        Account acme = crm.accounts().create(NewAccount.named("Acme GmbH"));
        Contact ada = crm.contacts().create(NewContact.named("Ada", "Lovelace").email("ada@gmail.com")
                .account(acme.id()));
        Lead lead = capture(NewLead.from(LeadSource.REFERRAL).email("ada@gmail.com").company("Acme"));

        Conversion c = crm.leads().convert(lead.id(), ConvertLead.plain());

        assertThat(c.contactId()).isEqualTo(ada.id());
        assertThat(c.accountId()).isEqualTo(acme.id());
        assertThat(c.newAccount()).isFalse();
        assertThat(crm.accounts().count()).isEqualTo(1);
        assertThat(crm.contacts().get(ada.id()).accountId()).isEqualTo(acme.id());
    }

    @Test
    void anExistingAccountWithTheCompanyDomainIsReused() {
        Account fleet = crm.accounts().create(NewAccount.named("Fleet Limited").domain("fleet.example"));
        Lead lead = capture(NewLead.from(LeadSource.EVENT).email("grace@gmail.com").company("Fleet Ltd")
                .domain("https://www.FLEET.example/contact"));

        Conversion c = crm.leads().convert(lead.id(), ConvertLead.plain());

        assertThat(c.accountId()).isEqualTo(fleet.id());
        assertThat(c.newAccount()).isFalse();
        assertThat(crm.accounts().count()).isEqualTo(1);
        assertThat(crm.contacts().get(c.contactId()).accountId()).isEqualTo(fleet.id());
    }

    @Test
    void anExistingAccountWithTheEmailDomainIsReusedWhenTheLeadHasNoCompanyDomain() {
        Account fleet = crm.accounts().create(NewAccount.named("Fleet Limited").domain("fleet.example"));
        Lead lead = capture(NewLead.from(LeadSource.EVENT).email("grace@FLEET.example"));

        Conversion c = crm.leads().convert(lead.id(), ConvertLead.plain());

        assertThat(c.accountId()).isEqualTo(fleet.id());
        assertThat(crm.accounts().count()).isEqualTo(1);
    }

    @Test
    void twoLeadsOfOneCompanyShareOneAccount() {
        Conversion first = crm.leads().convert(grace().id(), ConvertLead.plain());
        Lead colleague = capture(NewLead.from(LeadSource.EVENT).email("ada@fleet.example").company("Fleet"));

        Conversion second = crm.leads().convert(colleague.id(), ConvertLead.plain());

        assertThat(second.accountId()).isEqualTo(first.accountId());
        assertThat(second.newAccount()).isFalse();
        assertThat(second.newContact()).isTrue();
        assertThat(crm.accounts().count()).isEqualTo(1);
        assertThat(crm.contacts().count()).isEqualTo(2);
    }

    @Test
    void aNewAccountGetsTheCorporateEmailDomain() {
        Lead lead = capture(NewLead.from(LeadSource.EVENT).email("grace@fleet.example").company("Fleet Ltd"));

        Conversion c = crm.leads().convert(lead.id(), ConvertLead.plain());

        assertThat(crm.accounts().get(c.accountId()).domain()).isEqualTo("fleet.example");
    }

    @Test
    void aFreeMailDomainNeverBecomesAnAccountDomain() {
        Lead lead = capture(NewLead.from(LeadSource.EVENT).email("grace@GMAIL.com").company("Fleet Ltd"));

        Conversion c = crm.leads().convert(lead.id(), ConvertLead.plain());

        Account account = crm.accounts().get(c.accountId());
        assertThat(account.name()).isEqualTo("Fleet Ltd");
        assertThat(account.domain()).isNull();
        assertThat(crm.accounts().findByDomain("gmail.com")).isEmpty();
    }

    @Test
    void aFreeMailDomainNeverMatchesAnExistingAccount() {
        Account google = crm.accounts().create(NewAccount.named("Google").domain("gmail.com"));
        Lead lead = capture(NewLead.from(LeadSource.EVENT).email("grace@gmail.com").company("Fleet Ltd"));

        Conversion c = crm.leads().convert(lead.id(), ConvertLead.plain());

        assertThat(c.accountId()).isNotEqualTo(google.id());
        assertThat(c.newAccount()).isTrue();
    }

    @Test
    void aFreeMailCompanyDomainIsIgnoredToo() {
        Lead lead = capture(NewLead.from(LeadSource.EVENT).email("grace@fleet.example").company("Fleet Ltd")
                .domain("outlook.com"));

        Conversion c = crm.leads().convert(lead.id(), ConvertLead.plain());

        assertThat(crm.accounts().get(c.accountId()).domain()).isNull();
    }

    @Test
    void everyListedFreeMailProviderIsRecognized() {
        for (String domain : List.of("gmail.com", "outlook.com", "yahoo.com", "hotmail.com", "gmx.de", "web.de",
                "icloud.com", "proton.me")) {
            assertThat(FreeMailDomains.isFreeMail(domain)).as(domain).isTrue();
        }
        assertThat(FreeMailDomains.isFreeMail(EmailAddress.of("a@Proton.me"))).isTrue();
        assertThat(FreeMailDomains.isFreeMail("fleet.example")).isFalse();
        assertThat(FreeMailDomains.isFreeMail("mail.gmail.com")).isFalse();
    }

    @Test
    void aPrivatePersonWithoutCompanyBecomesAContactWithoutAccount() {
        Lead lead = capture(NewLead.from(LeadSource.WEBSITE).email("grace@gmail.com").name("Grace", "Hopper"));

        Conversion c = crm.leads().convert(lead.id(), ConvertLead.plain());

        assertThat(c.accountId()).isNull();
        assertThat(c.newAccount()).isFalse();
        assertThat(crm.accounts().count()).isZero();
        assertThat(crm.contacts().get(c.contactId()).accountId()).isNull();
        assertThat(crm.leads().get(lead.id()).conversion().accountId()).isNull();
    }

    @Test
    void intoAccountForcesAnExistingAccount() {
        Account other = crm.accounts().create(NewAccount.named("Other Corp").domain("other.example"));

        Conversion c = crm.leads().convert(grace().id(), ConvertLead.plain().intoAccount(other.id()));

        assertThat(c.accountId()).isEqualTo(other.id());
        assertThat(c.newAccount()).isFalse();
        assertThat(crm.accounts().count()).isEqualTo(1);
    }

    @Test
    void intoContactForcesAnExistingContact() {
        Contact other = crm.contacts().create(NewContact.named("G.", "Hopper").email("gh@navy.example"));

        Conversion c = crm.leads().convert(grace().id(), ConvertLead.plain().intoContact(other.id()));

        assertThat(c.contactId()).isEqualTo(other.id());
        assertThat(c.newContact()).isFalse();
        assertThat(crm.contacts().count()).isEqualTo(1);
        assertThat(crm.contacts().get(other.id()).accountId()).isEqualTo(c.accountId());
    }

    @Test
    void aForcedAccountThatDoesNotExistRefusesTheWholeConversion() {
        Lead lead = grace();
        refusedWithoutChange(() -> crm.leads().convert(lead.id(),
                ConvertLead.plain().intoAccount(AccountId.of("missing"))), "accountId");
        assertThat(crm.leads().get(lead.id()).status()).isEqualTo(LeadStatus.NEW);
    }

    @Test
    void aForcedContactThatDoesNotExistRefusesTheWholeConversion() {
        Lead lead = grace();
        refusedWithoutChange(() -> crm.leads().convert(lead.id(),
                ConvertLead.plain().intoContact(ContactId.of("missing"))), "contactId");
    }

    @Test
    void aFailureAfterTheAccountWasWrittenLeavesNothingBehind() {
        // A phone-only lead with a company: the account is created first, then the contact cannot be.
        Lead lead = capture(NewLead.from(LeadSource.EVENT).phone("+44 20 7946 0000").company("Fleet Ltd"));
        refusedWithoutChange(() -> crm.leads().convert(lead.id(), ConvertLead.plain()), "name");
        assertThat(crm.accounts().count()).isZero();
    }

    @Test
    void aStoreFailureAtTheLastStepRollsBackContactAccountAndLifecycle() {
        Contact existing = crm.contacts().create(NewContact.withEmail("grace@fleet.example"));
        Lead lead = grace();
        Snapshot before = snapshot();
        events.clear();
        store.failConversions(true);

        assertThatThrownBy(() -> crm.leads().convert(lead.id(), ConvertLead.plain()))
                .isInstanceOf(IllegalStateException.class);

        assertThat(snapshot()).isEqualTo(before);
        assertThat(crm.contacts().get(existing.id()).lifecycleStage()).isEqualTo(LifecycleStage.LEAD);
        assertThat(crm.accounts().count()).isZero();
        assertThat(events).isEmpty();

        store.failConversions(false);
        assertThat(crm.leads().convert(lead.id(), ConvertLead.plain()).contactId()).isEqualTo(existing.id());
    }

    @Test
    void convertingAConvertedLeadIsRefusedNamingStatus() {
        Lead lead = grace();
        crm.leads().convert(lead.id(), ConvertLead.plain());

        refusedWithoutChange(() -> crm.leads().convert(lead.id(), ConvertLead.plain()), "status");
        assertThatThrownBy(() -> crm.leads().convert(lead.id(), ConvertLead.plain()))
                .hasMessageContaining("already converted");
    }

    @Test
    void aDisqualifiedLeadMustBeReopenedBeforeItIsConverted() {
        Lead lead = grace();
        crm.leads().disqualify(lead.id(), "competitor");

        refusedWithoutChange(() -> crm.leads().convert(lead.id(), ConvertLead.plain()), "status");

        crm.leads().reopen(lead.id());
        assertThat(crm.leads().convert(lead.id(), ConvertLead.plain()).newContact()).isTrue();
    }

    @Test
    void aQualifiedLeadKeepsItsQualificationWhenConverted() {
        Lead lead = grace();
        crm.leads().qualify(lead.id(), Qualification.bant(true, true, true, true));

        crm.leads().convert(lead.id(), ConvertLead.plain());

        assertThat(crm.leads().get(lead.id()).qualification()).isEqualTo(Qualification.bant(true, true, true, true));
    }

    @Test
    void convertingAMissingLeadIsNotFound() {
        assertThatThrownBy(() -> crm.leads().convert(LeadId.of("missing"), ConvertLead.plain()))
                .isInstanceOf(CrmNotFoundException.class);
        assertThat(events).isEmpty();
    }

    @Test
    void aConvertedLeadCannotBeQualifiedDisqualifiedOrReassigned() {
        Lead lead = grace();
        crm.leads().convert(lead.id(), ConvertLead.plain());

        refusedWithoutChange(() -> crm.leads().qualify(lead.id(), "late"), "status");
        refusedWithoutChange(() -> crm.leads().disqualify(lead.id(), "late"), "status");
        refusedWithoutChange(() -> crm.leads().assign(lead.id(), BOB), "status");
    }

    @Test
    void conversionNeverReusesAnotherTenantsContactOrAccount() {
        Crm tenantA = crm.forTenant(TenantId.of("a"));
        Crm tenantB = crm.forTenant(TenantId.of("b"));
        Account accountB = tenantB.accounts().create(NewAccount.named("Fleet Ltd").domain("fleet.example"));
        Contact contactB = tenantB.contacts().create(NewContact.named("Grace", "Hopper")
                .email("grace@fleet.example"));
        Lead lead = tenantA.leads().capture(NewLead.from(LeadSource.WEB_FORM).email("Grace@Fleet.example")
                .company("Fleet Ltd"));

        Conversion c = tenantA.leads().convert(lead.id(), ConvertLead.plain());

        assertThat(c.newContact()).isTrue();
        assertThat(c.newAccount()).isTrue();
        assertThat(c.contactId()).isNotEqualTo(contactB.id());
        assertThat(c.accountId()).isNotEqualTo(accountB.id());
        assertThat(tenantA.contacts().count()).isEqualTo(1);
        assertThat(tenantA.accounts().count()).isEqualTo(1);
        assertThat(tenantB.contacts().get(contactB.id())).isEqualTo(contactB);
        assertThat(tenantB.accounts().get(accountB.id())).isEqualTo(accountB);
        assertThat(tenantB.contacts().count()).isEqualTo(1);
        assertThat(tenantB.leads().find(lead.id())).isEmpty();
    }

    @Test
    void aLeadOfAnotherTenantCannotBeConverted() {
        Lead lead = grace();
        assertThatThrownBy(() -> crm.forTenant(TenantId.of("b")).leads().convert(lead.id(), ConvertLead.plain()))
                .isInstanceOf(CrmNotFoundException.class);
        assertThat(crm.leads().get(lead.id()).status()).isEqualTo(LeadStatus.NEW);
    }
}
