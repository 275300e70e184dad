package dev.rapport.crm.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.crm.CrmNotFoundException;
import dev.rapport.crm.CrmValidationException;
import dev.rapport.crm.activity.Activity;
import dev.rapport.crm.activity.ActivityType;
import dev.rapport.crm.activity.Channel;
import dev.rapport.crm.activity.NewActivity;
import dev.rapport.crm.activity.NewTask;
import dev.rapport.crm.activity.Purchase;
import dev.rapport.crm.event.PersonalDataErased;
import dev.rapport.crm.service.NewTicket;
import dev.rapport.crm.service.Ticket;
import dev.rapport.crm.service.TicketStatus;
import dev.rapport.crm.lead.Lead;
import dev.rapport.crm.lead.LeadSource;
import dev.rapport.crm.lead.LeadStatus;
import dev.rapport.crm.lead.NewLead;
import dev.rapport.crm.field.EntityType;
import dev.rapport.crm.field.FieldDefinition;
import dev.rapport.crm.field.FieldType;
import dev.rapport.crm.field.FieldValue;
import dev.rapport.crm.party.Account;
import dev.rapport.crm.party.Contact;
import dev.rapport.crm.party.ContactId;
import dev.rapport.crm.party.ContactRole;
import dev.rapport.crm.party.ContactRoleType;
import dev.rapport.crm.party.NewAccount;
import dev.rapport.crm.party.NewContact;
import dev.rapport.crm.party.PhoneNumber;
import dev.rapport.crm.party.PostalAddress;
import dev.rapport.crm.revenue.Money;
import dev.rapport.crm.sales.NewOpportunity;
import dev.rapport.crm.sales.Opportunity;
import dev.rapport.crm.sales.OpportunityStatus;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ErasureTest {
    private static final String EMAIL = "ada.lovelace@analytical.example";
    private static final String PHONE = "+44 20 7946 0958";

    private final GovernanceFixture f = new GovernanceFixture();
    private Account acme;
    private Contact ada;
    private Opportunity deal;
    private Lead lead;
    private Activity purchase;
    private Ticket ticket;

    @BeforeEach
    void aPersonWithDataEverywhere() {
        f.crm.customFields().define(EntityType.CONTACT, FieldDefinition.of("nickname", FieldType.TEXT));
        acme = f.crm.accounts().create(NewAccount.named("Acme GmbH"));
        ada = f.crm.contacts().create(NewContact.named("Ada", "Lovelace").email(EMAIL).phone(PHONE)
                .title("Analyst").account(acme.id()).tag("difference-engine")
                .address(new PostalAddress("12 St James Square", "Marylebone", "W1", null, "GB"))
                .field("nickname", FieldValue.text("Enchantress")));
        ada = f.crm.contacts().update(ada.withTitle("Countess"));
        f.crm.privacy().consents().grant(ada.id(), ConsentPurpose.MARKETING, ConsentChannel.EMAIL, "web-form");
        deal = f.crm.opportunities().create(NewOpportunity.named("Engine rollout").account(acme.id())
                .amount(Money.of("120000.00", "EUR"))
                .contactRole(ContactRole.primary(ada.id(), ContactRoleType.DECISION_MAKER)));
        deal = f.crm.opportunities().closeWon(deal.id(), "signed");
        lead = f.crm.leads().capture(NewLead.from(LeadSource.WEB_FORM).name("Ada", "Lovelace").email(EMAIL)
                .company("Lovelace Analytics").title("Countess"));
        f.crm.activities().log(NewActivity.of(ActivityType.EMAIL, Channel.EMAIL).contact(ada.id())
                .subject("Lovelace on the engine").body("Dear Countess, greetings from Marylebone"));
        purchase = f.crm.activities().log(NewActivity.of(ActivityType.PURCHASE, Channel.WEB).contact(ada.id())
                .subject("Order for Lovelace").purchase(new Purchase("order-77", Money.of("49.90", "EUR"))));
        ticket = f.crm.tickets().open(NewTicket.about(ada.id(), "Lovelace cannot log in")
                .description("The Countess says the Analyst console fails"));
        f.crm.activities().log(NewActivity.of(ActivityType.NOTE, Channel.PHONE).ticket(ticket.id())
                .body("Called the Enchantress back"));
        f.crm.tasks().create(NewTask.titled("Call Lovelace back").contact(ada.id()).description("Countess"));
        f.events.clear();
    }

    private List<String> personalValues() {
        return List.of("Lovelace", "analytical.example", PhoneNumber.of(PHONE).value().substring(3), "Countess",
                "Analyst", "difference-engine", "Enchantress", "St James", "Marylebone");
    }

    private List<String> heldStrings() {
        return StoreScanner.strings(f.store, f.audit);
    }

    @Test
    void theScannerSeesThePersonBeforeErasure() {
        List<String> held = heldStrings();

        for (String value : personalValues()) {
            assertThat(held).as(value).anyMatch(s -> s.toLowerCase(Locale.ROOT).contains(value.toLowerCase(Locale.ROOT)));
        }
        assertThat(held).contains("Ada");
    }

    @Test
    void afterErasureNoPersonalValueRemainsInAnyTableTheEventLogOrTheAuditTrail() {
        f.crm.privacy().erase(ada.id(), "request 2026-118");

        List<String> held = heldStrings();
        for (String value : personalValues()) {
            assertThat(held).as(value)
                    .noneMatch(s -> s.toLowerCase(Locale.ROOT).contains(value.toLowerCase(Locale.ROOT)));
        }
        assertThat(held).doesNotContain("Ada");
    }

    @Test
    void theWonDealStillCountsInRevenue() {
        f.crm.privacy().erase(ada.id(), "request 2026-118");

        Opportunity kept = f.crm.opportunities().get(deal.id());
        assertThat(kept.status()).isEqualTo(OpportunityStatus.WON);
        assertThat(kept.amount()).isEqualTo(Money.of("120000.00", "EUR"));
        Money won = f.crm.opportunities().findByAccount(acme.id()).stream()
                .filter(o -> o.status() == OpportunityStatus.WON).map(Opportunity::amount)
                .reduce(Money.zero("EUR"), Money::plus);
        assertThat(won).isEqualTo(Money.of("120000.00", "EUR"));
    }

    @Test
    void theContactStaysAsAnAnonymousRecordLinkedToItsAccount() {
        f.crm.privacy().erase(ada.id(), "request 2026-118");

        Contact erased = f.crm.contacts().get(ada.id());
        assertThat(erased.firstName()).isNull();
        assertThat(erased.lastName()).isEqualTo(PrivacyService.ERASED_NAME);
        assertThat(erased.emails()).isEmpty();
        assertThat(erased.phones()).isEmpty();
        assertThat(erased.title()).isNull();
        assertThat(erased.address()).isNull();
        assertThat(erased.tags()).isEmpty();
        assertThat(erased.customFields().isEmpty()).isTrue();
        assertThat(erased.accountId()).isEqualTo(acme.id());
        assertThat(f.crm.contacts().count()).isEqualTo(1);
        assertThat(f.crm.contacts().findByEmail(EMAIL)).isEmpty();
        assertThat(f.crm.privacy().consents().find(ada.id())).isEmpty();
    }

    @Test
    void erasureReportsWhatItDidAndEmitsContactErased() {
        ErasureReport report = f.crm.privacy().erase(ada.id(), "request 2026-118");

        assertThat(report.subject()).isEqualTo(ada.id());
        assertThat(report.records()).startsWith("Contact " + ada.id().value()).contains(
                "Consent " + ada.id().value(), "Lead " + lead.id().value(), "Ticket " + ticket.id().value(),
                "Activity " + purchase.id().value()).hasSize(8);
        assertThat(report.tombstones()).isEqualTo(2);
        assertThat(report.eventsDropped()).isZero();   // the in-memory store keeps no events
        assertThat(report.auditEntriesScrubbed()).isPositive();
        assertThat(report.erasedAt()).isEqualTo(GovernanceFixture.NOW);
        assertThat(f.events).singleElement().isInstanceOfSatisfying(PersonalDataErased.class,
                e -> assertThat(e.erased()).startsWith(ada.id()).contains(lead.id()));
    }

    @Test
    void theAuditTrailKeepsWhoAndWhenButNoValues() {
        f.crm.privacy().erase(ada.id(), "request 2026-118");

        List<AuditEntry> trail = f.crm.privacy().auditTrail("Contact", ada.id().value());
        assertThat(trail).extracting(AuditEntry::action).startsWith(AuditAction.CREATE, AuditAction.UPDATE)
                .endsWith(AuditAction.ERASE).doesNotContain(AuditAction.DELETE);
        assertThat(trail).allMatch(AuditEntry::erased);
        assertThat(trail).flatExtracting(AuditEntry::changes)
                .allMatch(c -> c.oldValue() == null && c.newValue() == null);
        AuditEntry erasure = trail.get(trail.size() - 1);
        assertThat(erasure.note()).isEqualTo("request 2026-118");
        assertThat(erasure.changes()).extracting(FieldChange::field).contains("firstName", "emails", "phones");
    }

    @Test
    void aLaterContactWithTheErasedAddressIsRefusedNamingTheField() {
        f.crm.privacy().erase(ada.id(), "request 2026-118");
        long contacts = f.crm.contacts().count();
        f.events.clear();

        assertThatThrownBy(() -> f.crm.contacts().create(NewContact.named("A", "L").email("ADA.Lovelace@Analytical.example")))
                .isInstanceOfSatisfying(ErasedIdentityException.class, e -> {
                    assertThat(e.field()).isEqualTo("email");
                    assertThat(e.reason()).isEqualTo("was erased");
                    assertThat(e.getMessage()).doesNotContain("analytical");
                });
        assertThat(f.crm.contacts().count()).isEqualTo(contacts);
        assertThat(f.events).isEmpty();
    }

    @Test
    void aLaterContactWithTheErasedPhoneIsRefusedNamingTheField() {
        f.crm.privacy().erase(ada.id(), "request 2026-118");

        assertThatThrownBy(() -> f.crm.contacts().create(NewContact.named("A", "L").phone("+442079460958")))
                .isInstanceOfSatisfying(CrmValidationException.class, e -> {
                    assertThat(e.field()).isEqualTo("phone");
                    assertThat(e.reason()).isEqualTo(ErasedIdentityException.REASON);
                });
    }

    @Test
    void givingAnotherContactTheErasedAddressIsRefusedToo() {
        Contact grace = f.crm.contacts().create(NewContact.named("Grace", "Hopper"));
        f.crm.privacy().erase(ada.id(), "request 2026-118");

        assertThatThrownBy(() -> f.crm.contacts().update(grace.withEmails(List.of(
                dev.rapport.crm.party.EmailAddress.of(EMAIL)))))
                .isInstanceOfSatisfying(ErasedIdentityException.class, e -> assertThat(e.field()).isEqualTo("email"));
        assertThat(f.crm.contacts().get(grace.id()).emails()).isEmpty();
    }

    @Test
    void explicitNewConsentLetsThePersonBackAndRemovesTheTombstone() {
        f.crm.privacy().erase(ada.id(), "request 2026-118");

        Contact back = f.crm.privacy().withReconsent("signed up again, form 2026-12-01",
                () -> f.crm.contacts().create(NewContact.named("Ada", "Lovelace").email(EMAIL)));

        assertThat(f.crm.contacts().findByEmail(EMAIL)).contains(back);
        assertThat(f.audit()).anyMatch(e -> e.entityType().equals("Tombstone") && e.action() == AuditAction.DELETE
                && "signed up again, form 2026-12-01".equals(e.note()));
        f.crm.contacts().update(back.withEmails(List.of()));
        assertThat(f.crm.contacts().create(NewContact.withEmail(EMAIL)).emails()).hasSize(1);
    }

    @Test
    void tombstonesHoldNoReadableIdentifier() {
        f.crm.privacy().erase(ada.id(), "request 2026-118");

        assertThat(heldStrings()).filteredOn(s -> s.startsWith("email:") || s.startsWith("phone:"))
                .isNotEmpty()
                .noneMatch(s -> s.contains("analytical") || s.contains("2079460958"));
    }

    @Test
    void aTombstoneOfOneTenantDoesNotBlockAnother() {
        Contact grace = f.tenant("a").contacts().create(NewContact.withEmail("grace@fleet.example"));
        f.tenant("a").privacy().erase(grace.id(), "request 7");

        assertThat(f.tenant("b").contacts().create(NewContact.withEmail("grace@fleet.example")).emails()).hasSize(1);
        assertThatThrownBy(() -> f.tenant("a").contacts().create(NewContact.withEmail("grace@fleet.example")))
                .isInstanceOf(ErasedIdentityException.class);
    }

    @Test
    void erasingAnUnknownContactIsRefused() {
        assertThatThrownBy(() -> f.crm.privacy().erase(ContactId.of("nobody"), "request"))
                .isInstanceOf(CrmNotFoundException.class);
        assertThat(f.events).isEmpty();
    }

    @Test
    void erasingWithoutAReasonIsRefusedAndChangesNothing() {
        Contact before = f.crm.contacts().get(ada.id());
        assertThatThrownBy(() -> f.crm.privacy().erase(ada.id(), " "))
                .isInstanceOfSatisfying(CrmValidationException.class, e -> assertThat(e.field()).isEqualTo("reason"));
        assertThat(f.crm.contacts().get(ada.id())).isEqualTo(before);
        assertThat(f.events).isEmpty();
    }

    @Test
    void erasingTwiceIsHarmless() {
        f.crm.privacy().erase(ada.id(), "request 2026-118");

        ErasureReport again = f.crm.privacy().erase(ada.id(), "request 2026-118");

        assertThat(again.tombstones()).isZero();
        assertThat(f.crm.contacts().get(ada.id()).lastName()).isEqualTo(PrivacyService.ERASED_NAME);
    }

    @Test
    void thePersonsLeadsAreAnonymizedButKeepWhatLeadMetricsNeed() {
        f.crm.privacy().erase(ada.id(), "request 2026-118");

        Lead kept = f.crm.leads().get(lead.id());
        assertThat(kept.source()).isEqualTo(LeadSource.WEB_FORM);
        assertThat(kept.status()).isEqualTo(lead.status());
        assertThat(kept.email()).isNull();
        assertThat(kept.firstName()).isNull();
        assertThat(kept.title()).isNull();
        assertThat(f.crm.leads().findByEmail(EMAIL)).isEmpty();
    }

    @Test
    void aLaterLeadCaptureWithTheErasedAddressIsRefusedNamingTheField() {
        f.crm.privacy().erase(ada.id(), "request 2026-118");
        long leads = f.crm.leads().count();

        assertThatThrownBy(() -> f.crm.leads().capture(NewLead.from(LeadSource.IMPORT).email(EMAIL)))
                .isInstanceOfSatisfying(ErasedIdentityException.class, e -> assertThat(e.field()).isEqualTo("email"));
        assertThat(f.crm.leads().count()).isEqualTo(leads);
        assertThat(f.events).hasSize(1);
    }

    @Test
    void aPersonKnownOnlyAsALeadCanBeErasedByTheLead() {
        Lead grace = f.crm.leads().capture(NewLead.from(LeadSource.WEB_FORM).email("grace@fleet.example")
                .phone("+49 30 1234567"));

        ErasureReport report = f.crm.privacy().erase(grace.id(), "request 9");

        assertThat(report.subject()).isEqualTo(grace.id());
        assertThat(report.records()).containsExactly("Lead " + grace.id().value());
        assertThat(report.tombstones()).isEqualTo(2);
        assertThat(f.crm.leads().get(grace.id()).status()).isEqualTo(LeadStatus.NEW);
        assertThat(StoreScanner.strings(f.store, f.audit)).noneMatch(s -> s.contains("grace@fleet.example"));
        assertThatThrownBy(() -> f.crm.contacts().create(NewContact.withEmail("grace@fleet.example")))
                .isInstanceOf(ErasedIdentityException.class);
    }

    @Test
    void anErasureInsideALargerCommandDoesNotSilenceTheAuditOfWhatFollows() {
        Contact grace = f.crm.internalContext().write(uow -> {
            f.crm.privacy().erase(ada.id(), "request 2026-118");
            return f.crm.contacts().create(NewContact.named("Grace", "Hopper"));
        });

        AuditEntry created = f.crm.privacy().auditTrail("Contact", grace.id().value()).get(0);
        assertThat(created.action()).isEqualTo(AuditAction.CREATE);
        assertThat(created.changes()).contains(new FieldChange("firstName", null, "Grace"));
    }

    @Test
    void activitiesTicketsAndTasksLoseTheirTextButKeepWhatMetricsNeed() {
        f.crm.privacy().erase(ada.id(), "request 2026-118");

        Activity kept = f.crm.activities().get(purchase.id());
        assertThat(kept.subject()).isNull();
        assertThat(kept.purchase()).isEqualTo(new Purchase("order-77", Money.of("49.90", "EUR")));
        Ticket erasedTicket = f.crm.tickets().get(ticket.id());
        assertThat(erasedTicket.description()).isNull();
        assertThat(erasedTicket.subject()).isEqualTo(PrivacyService.ERASED_NAME);
        assertThat(erasedTicket.status()).isEqualTo(TicketStatus.NEW);
        assertThat(erasedTicket.contactId()).isEqualTo(ada.id());
    }

    @Test
    void contactsMergedIntoThePersonAreErasedFromTheAuditTrailToo() {
        Contact twin = f.crm.contacts().create(NewContact.named("Ada", "Byron").email("ada.byron@difference.example")
                .title("Poetess"));
        f.crm.duplicates().mergeContacts(ada.id(), twin.id());

        ErasureReport report = f.crm.privacy().erase(ada.id(), "request 2026-118");

        assertThat(report.records()).contains("Contact " + twin.id().value() + " (merged)");
        List<String> held = heldStrings();
        assertThat(held).noneMatch(s -> s.contains("Byron") || s.contains("Poetess") || s.contains("difference.example"));
        assertThat(f.crm.privacy().auditTrail("Contact", twin.id().value())).allMatch(AuditEntry::erased);
    }

    @Test
    void aMergeIsAuditedAsMerge() {
        Contact twin = f.crm.contacts().create(NewContact.named("Ada", "Byron"));

        f.crm.duplicates().mergeContacts(ada.id(), twin.id());

        assertThat(f.crm.privacy().auditTrail("Contact", twin.id().value()))
                .extracting(AuditEntry::action).endsWith(AuditAction.MERGE);
    }
}
