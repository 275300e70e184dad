package dev.rapport.crm.lead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.crm.Crm;
import dev.rapport.crm.CrmConflictException;
import dev.rapport.crm.CrmNotFoundException;
import dev.rapport.crm.CrmValidationException;
import dev.rapport.crm.PageRequest;
import dev.rapport.crm.TenantId;
import dev.rapport.crm.TestClock;
import dev.rapport.crm.directory.InMemoryDirectory;
import dev.rapport.crm.directory.User;
import dev.rapport.crm.directory.UserId;
import dev.rapport.crm.event.CrmEvent;
import dev.rapport.crm.event.LeadCaptured;
import dev.rapport.crm.event.LeadDisqualified;
import dev.rapport.crm.event.LeadQualified;
import dev.rapport.crm.event.LeadUpdated;
import dev.rapport.crm.party.EmailAddress;
import dev.rapport.crm.spi.IdGenerator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class LeadServiceTest {
    private static final UserId ALICE = UserId.of("alice");
    private static final UserId BOB = UserId.of("bob");

    private final TestClock clock = TestClock.at("2026-03-01T09:00:00Z");
    private final InMemoryDirectory directory = new InMemoryDirectory()
            .addUser(User.of(ALICE))
            .addUser(User.of(BOB))
            .addUser(new User(UserId.of("gone"), false));
    private final Crm crm = Crm.builder().clock(clock).directory(directory)
            .idGenerator(IdGenerator.sequential("t")).build();
    private final List<CrmEvent> events = new ArrayList<>();

    {
        crm.events().subscribe(events::add);
    }

    private Lead grace() {
        return crm.leads().capture(NewLead.from(LeadSource.WEB_FORM).email("grace@fleet.example")
                .company("Fleet Ltd").name("Grace", "Hopper"));
    }

    /** Asserts the call is refused naming the field, and that it stored and published nothing. */
    private void refusedWithoutChange(ThrowingCallable call, String field) {
        List<Lead> before = crm.leads().list(PageRequest.first(100)).items();
        events.clear();
        assertThatThrownBy(call).isInstanceOfSatisfying(CrmValidationException.class,
                e -> assertThat(e.field()).isEqualTo(field));
        assertThat(crm.leads().list(PageRequest.first(100)).items()).isEqualTo(before);
        assertThat(events).isEmpty();
    }

    @Test
    void captureStoresANewLeadAtVersionOneAndPublishesLeadCaptured() {
        Lead lead = crm.leads().capture(NewLead.from(LeadSource.WEB_FORM).email(" Grace@FLEET.example ")
                .company("Fleet Ltd").name("Grace", "Hopper").domain("https://www.fleet.example")
                .phone("+44 20 7946 0000").title("Admiral").country("gb").score(5).owner(ALICE).tag("fair"));

        assertThat(lead.version()).isEqualTo(1);
        assertThat(lead.status()).isEqualTo(LeadStatus.NEW);
        assertThat(lead.email()).isEqualTo(EmailAddress.of("grace@fleet.example"));
        assertThat(lead.companyDomain()).isEqualTo("fleet.example");
        assertThat(lead.country()).isEqualTo("GB");
        assertThat(lead.score()).isEqualTo(5);
        assertThat(lead.ownerId()).isEqualTo(ALICE);
        assertThat(lead.tags()).containsExactly("fair");
        assertThat(lead.createdAt()).isEqualTo(clock.instant());
        assertThat(crm.leads().get(lead.id())).isEqualTo(lead);
        assertThat(events).singleElement().isInstanceOfSatisfying(LeadCaptured.class, e -> {
            assertThat(e.leadId()).isEqualTo(lead.id());
            assertThat(e.source()).isEqualTo(LeadSource.WEB_FORM);
            assertThat(e.meta().occurredAt()).isEqualTo(clock.instant());
        });
    }

    @Test
    void captureRefusesALeadThatCannotBeIdentified() {
        refusedWithoutChange(() -> crm.leads().capture(NewLead.from(LeadSource.EVENT).name("Grace", "Hopper")),
                "email");
        assertThat(crm.leads().count()).isZero();
    }

    @Test
    void captureRefusesAnUnknownOrInactiveOwner() {
        refusedWithoutChange(() -> crm.leads().capture(NewLead.from(LeadSource.EVENT).email("a@b.example")
                .owner(UserId.of("nobody"))), "ownerId");
        refusedWithoutChange(() -> crm.leads().capture(NewLead.from(LeadSource.EVENT).email("a@b.example")
                .owner(UserId.of("gone"))), "ownerId");
    }

    @Test
    void startWorkingMovesANewLeadToWorking() {
        Lead lead = grace();
        events.clear();

        Lead working = crm.leads().startWorking(lead.id());

        assertThat(working.status()).isEqualTo(LeadStatus.WORKING);
        assertThat(working.version()).isEqualTo(2);
        assertThat(events).singleElement().isInstanceOfSatisfying(LeadUpdated.class,
                e -> assertThat(e.changedFields()).containsExactly("status"));
    }

    @Test
    void startWorkingIsRefusedForAQualifiedLead() {
        Lead lead = grace();
        crm.leads().qualify(lead.id(), "demo booked");
        refusedWithoutChange(() -> crm.leads().startWorking(lead.id()), "status");
    }

    @Test
    void qualifyStoresTheQualificationAndPublishesLeadQualified() {
        Lead lead = grace();
        events.clear();
        clock.advance(Duration.ofHours(1));

        Lead qualified = crm.leads().qualify(lead.id(), Qualification.bant(true, true, true, false));

        assertThat(qualified.status()).isEqualTo(LeadStatus.QUALIFIED);
        assertThat(qualified.qualification()).isEqualTo(Qualification.bant(true, true, true, false));
        assertThat(qualified.version()).isEqualTo(2);
        assertThat(qualified.updatedAt()).isEqualTo(clock.instant());
        assertThat(crm.leads().get(lead.id())).isEqualTo(qualified);
        assertThat(events).singleElement().isInstanceOfSatisfying(LeadQualified.class,
                e -> assertThat(e.leadId()).isEqualTo(lead.id()));
    }

    @Test
    void qualifyWithANoteKeepsTheNote() {
        Lead lead = grace();
        assertThat(crm.leads().qualify(lead.id(), "Asked for a demo").qualification().note())
                .isEqualTo("Asked for a demo");
    }

    @Test
    void qualifyWithABlankNoteIsRefused() {
        Lead lead = grace();
        refusedWithoutChange(() -> crm.leads().qualify(lead.id(), " "), "qualification");
    }

    @Test
    void qualifyingADisqualifiedLeadIsRefusedUntilItIsReopened() {
        Lead lead = grace();
        crm.leads().disqualify(lead.id(), "student project");
        refusedWithoutChange(() -> crm.leads().qualify(lead.id(), "changed their mind"), "status");

        crm.leads().reopen(lead.id());
        assertThat(crm.leads().qualify(lead.id(), "changed their mind").status()).isEqualTo(LeadStatus.QUALIFIED);
    }

    @Test
    void disqualifyRecordsTheReasonAndPublishesLeadDisqualified() {
        Lead lead = grace();
        events.clear();

        Lead out = crm.leads().disqualify(lead.id(), " no budget ");

        assertThat(out.status()).isEqualTo(LeadStatus.DISQUALIFIED);
        assertThat(out.disqualificationReason()).isEqualTo("no budget");
        assertThat(events).singleElement().isInstanceOfSatisfying(LeadDisqualified.class,
                e -> assertThat(e.reason()).isEqualTo("no budget"));
    }

    @Test
    void disqualifyRequiresAReason() {
        Lead lead = grace();
        refusedWithoutChange(() -> crm.leads().disqualify(lead.id(), "  "), "reason");
        refusedWithoutChange(() -> crm.leads().disqualify(lead.id(), null), "reason");
    }

    @Test
    void disqualifyingTwiceIsRefused() {
        Lead lead = grace();
        crm.leads().disqualify(lead.id(), "spam");
        refusedWithoutChange(() -> crm.leads().disqualify(lead.id(), "still spam"), "status");
    }

    @Test
    void reopenBringsADisqualifiedLeadBackToWorkingWithoutItsReason() {
        Lead lead = grace();
        crm.leads().disqualify(lead.id(), "spam");
        events.clear();

        Lead reopened = crm.leads().reopen(lead.id());

        assertThat(reopened.status()).isEqualTo(LeadStatus.WORKING);
        assertThat(reopened.disqualificationReason()).isNull();
        assertThat(events).singleElement().isInstanceOfSatisfying(LeadUpdated.class,
                e -> assertThat(e.changedFields()).contains("status"));
    }

    @Test
    void reopenIsRefusedForALeadThatIsNotDisqualified() {
        Lead lead = grace();
        refusedWithoutChange(() -> crm.leads().reopen(lead.id()), "status");
    }

    @Test
    void updateStoresTheNextVersionAndPublishesTheChangedFields() {
        Lead lead = grace();
        events.clear();
        clock.advance(Duration.ofMinutes(5));

        Lead updated = crm.leads().update(lead.withTitle("Rear Admiral").withCountry("US"));

        assertThat(updated.version()).isEqualTo(2);
        assertThat(updated.title()).isEqualTo("Rear Admiral");
        assertThat(updated.createdAt()).isEqualTo(lead.createdAt());
        assertThat(updated.updatedAt()).isEqualTo(clock.instant());
        assertThat(events).singleElement().isInstanceOfSatisfying(LeadUpdated.class,
                e -> assertThat(e.changedFields()).containsExactlyInAnyOrder("title", "country"));
    }

    @Test
    void updateWithNothingChangedStoresNothing() {
        Lead lead = grace();
        events.clear();

        assertThat(crm.leads().update(lead)).isEqualTo(lead);
        assertThat(events).isEmpty();
    }

    @Test
    void updateOfAStaleVersionIsAConflict() {
        Lead lead = grace();
        crm.leads().update(lead.withTitle("Admiral"));
        events.clear();

        assertThatThrownBy(() -> crm.leads().update(lead.withTitle("Captain")))
                .isInstanceOf(CrmConflictException.class);
        assertThat(crm.leads().get(lead.id()).title()).isEqualTo("Admiral");
        assertThat(events).isEmpty();
    }

    @Test
    void updateCannotChangeTheStatus() {
        Lead lead = grace();
        refusedWithoutChange(() -> crm.leads().update(
                lead.withStatus(LeadStatus.QUALIFIED, Qualification.note("sneaky"), null, null)), "status");
    }

    @Test
    void updateCannotChangeTheQualification() {
        Lead lead = crm.leads().qualify(grace().id(), "first");
        refusedWithoutChange(() -> crm.leads().update(
                lead.withStatus(LeadStatus.QUALIFIED, Qualification.note("second"), null, null)), "qualification");
    }

    @Test
    void updateCannotTouchTheConversionOrEditAConvertedLead() {
        Lead lead = grace();
        crm.leads().convert(lead.id(), ConvertLead.plain());
        Lead converted = crm.leads().get(lead.id());

        refusedWithoutChange(() -> crm.leads().update(converted.withTitle("Admiral")), "status");
        refusedWithoutChange(() -> crm.leads().update(converted.withStatus(LeadStatus.CONVERTED, null, null,
                new ConversionLink(converted.conversion().contactId(), null, null, clock.instant()))),
                "conversion");
    }

    @Test
    void updateRefusesAnInactiveOwner() {
        Lead lead = grace();
        refusedWithoutChange(() -> crm.leads().update(lead.withOwner(UserId.of("gone"))), "ownerId");
    }

    @Test
    void updateOfAMissingLeadIsNotFound() {
        Lead ghost = grace().withVersion(1);
        Crm other = crm.forTenant(TenantId.of("other"));
        assertThatThrownBy(() -> other.leads().update(ghost)).isInstanceOf(CrmNotFoundException.class);
    }

    @Test
    void assignGivesTheLeadToAnActiveOwner() {
        Lead lead = grace();
        events.clear();

        Lead assigned = crm.leads().assign(lead.id(), BOB);

        assertThat(assigned.ownerId()).isEqualTo(BOB);
        assertThat(crm.leads().findByOwner(BOB)).containsExactly(assigned);
        assertThat(events).singleElement().isInstanceOfSatisfying(LeadUpdated.class,
                e -> assertThat(e.changedFields()).containsExactly("ownerId"));
    }

    @Test
    void assignRefusesAnUnknownOwner() {
        Lead lead = grace();
        refusedWithoutChange(() -> crm.leads().assign(lead.id(), UserId.of("nobody")), "ownerId");
    }

    @Test
    void assignToAMissingLeadIsNotFound() {
        assertThatThrownBy(() -> crm.leads().assign(LeadId.of("missing"), ALICE))
                .isInstanceOf(CrmNotFoundException.class);
    }

    @Test
    void addScoreAddsAndSubtracts() {
        Lead lead = grace();
        crm.leads().addScore(lead.id(), 30);
        events.clear();

        Lead scored = crm.leads().addScore(lead.id(), -10);

        assertThat(scored.score()).isEqualTo(20);
        assertThat(events).singleElement().isInstanceOfSatisfying(LeadUpdated.class,
                e -> assertThat(e.changedFields()).containsExactly("score"));
    }

    @Test
    void addScoreNeverGoesBelowZero() {
        Lead lead = grace();
        crm.leads().addScore(lead.id(), 5);

        assertThat(crm.leads().addScore(lead.id(), -1000).score()).isZero();
        assertThat(crm.leads().addScore(lead.id(), Integer.MIN_VALUE).score()).isZero();
    }

    @Test
    void addScoreStopsAtTheLargestInt() {
        Lead lead = grace();
        crm.leads().addScore(lead.id(), Integer.MAX_VALUE);
        assertThat(crm.leads().addScore(lead.id(), 10).score()).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void addScoreThatChangesNothingPublishesNothing() {
        Lead lead = grace();
        events.clear();

        assertThat(crm.leads().addScore(lead.id(), -3)).isEqualTo(lead);
        assertThat(events).isEmpty();
    }

    @Test
    void addScoreOnAConvertedLeadIsRefused() {
        Lead lead = grace();
        crm.leads().convert(lead.id(), ConvertLead.plain());
        refusedWithoutChange(() -> crm.leads().addScore(lead.id(), 5), "status");
    }

    @Test
    void evenAScoreChangeThatWouldChangeNothingIsRefusedOnAConvertedLead() {
        Lead lead = grace();
        crm.leads().convert(lead.id(), ConvertLead.plain());
        refusedWithoutChange(() -> crm.leads().addScore(lead.id(), -5), "status");
    }

    @Test
    void assignRequiresAnOwner() {
        Lead lead = grace();
        refusedWithoutChange(() -> crm.leads().assign(lead.id(), null), "ownerId");
    }

    @Test
    void findByEmailFindsEveryLeadWithTheAddressInAnySpelling() {
        Lead first = grace();
        Lead second = crm.leads().capture(NewLead.from(LeadSource.EVENT).email("GRACE@fleet.example "));
        crm.leads().capture(NewLead.from(LeadSource.EVENT).email("ada@acme.example"));

        assertThat(crm.leads().findByEmail("  Grace@Fleet.Example")).containsExactly(first, second);
        assertThat(crm.leads().findByEmail("nobody@fleet.example")).isEmpty();
    }

    @Test
    void findByEmailFollowsAnEditedAddress() {
        Lead lead = grace();
        crm.leads().update(lead.withEmail(EmailAddress.of("g.hopper@fleet.example")));

        assertThat(crm.leads().findByEmail("grace@fleet.example")).isEmpty();
        assertThat(crm.leads().findByEmail("g.hopper@fleet.example")).hasSize(1);
    }

    @Test
    void findByStatusFollowsStatusChanges() {
        Lead a = grace();
        Lead b = crm.leads().capture(NewLead.from(LeadSource.EVENT).email("ada@acme.example"));
        crm.leads().qualify(b.id(), "ready");

        assertThat(crm.leads().findByStatus(LeadStatus.NEW)).extracting(Lead::id).containsExactly(a.id());
        assertThat(crm.leads().findByStatus(LeadStatus.QUALIFIED)).extracting(Lead::id).containsExactly(b.id());
        assertThat(crm.leads().findByStatus(LeadStatus.CONVERTED)).isEmpty();
    }

    @Test
    void findByOwnerListsTheOwnersLeads() {
        Lead mine = crm.leads().capture(NewLead.from(LeadSource.EVENT).email("a@acme.example").owner(ALICE));
        crm.leads().capture(NewLead.from(LeadSource.EVENT).email("b@acme.example").owner(BOB));

        assertThat(crm.leads().findByOwner(ALICE)).containsExactly(mine);
    }

    @Test
    void listPagesAndCountCounts() {
        for (int i = 0; i < 5; i++) {
            crm.leads().capture(NewLead.from(LeadSource.IMPORT).email("p" + i + "@acme.example"));
        }

        assertThat(crm.leads().count()).isEqualTo(5);
        assertThat(crm.leads().list(new PageRequest(2, 2)).items()).hasSize(2);
        assertThat(crm.leads().list(new PageRequest(2, 2)).total()).isEqualTo(5);
    }

    @Test
    void getOfAMissingLeadIsNotFound() {
        assertThatThrownBy(() -> crm.leads().get(LeadId.of("missing"))).isInstanceOf(CrmNotFoundException.class);
        assertThat(crm.leads().find(LeadId.of("missing"))).isEmpty();
    }

    @Test
    void leadsOfOneTenantAreInvisibleToAnother() {
        Crm a = crm.forTenant(TenantId.of("a"));
        Crm b = crm.forTenant(TenantId.of("b"));
        Lead lead = a.leads().capture(NewLead.from(LeadSource.WEB_FORM).email("grace@fleet.example").owner(ALICE));

        assertThat(b.leads().find(lead.id())).isEmpty();
        assertThat(b.leads().findByEmail("grace@fleet.example")).isEmpty();
        assertThat(b.leads().findByOwner(ALICE)).isEmpty();
        assertThat(b.leads().findByStatus(LeadStatus.NEW)).isEmpty();
        assertThat(b.leads().count()).isZero();
        assertThat(a.leads().findByEmail("grace@fleet.example")).containsExactly(lead);
        assertThatThrownBy(() -> b.leads().qualify(lead.id(), "from b")).isInstanceOf(CrmNotFoundException.class);
    }

    @Test
    void toStringOfAStoredLeadCarriesNoPersonalData() {
        assertThat(grace().toString()).doesNotContain("grace", "Grace", "Hopper", "Fleet");
    }
}
