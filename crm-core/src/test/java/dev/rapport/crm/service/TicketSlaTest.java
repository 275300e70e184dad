package dev.rapport.crm.service;

import static dev.rapport.crm.activity.TestCrm.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.crm.Crm;
import dev.rapport.crm.CrmValidationException;
import dev.rapport.crm.activity.TestCrm;
import dev.rapport.crm.party.Contact;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** SLA results against hand-computed expectations; T0 is 2026-03-02T09:00:00Z. */
class TicketSlaTest {
    private TestCrm t;
    private Crm crm;
    private Contact ada;

    @BeforeEach
    void setUp() {
        t = new TestCrm();
        crm = t.crm;
        ada = t.contact();
    }

    private Ticket open(TicketPriority priority) {
        return crm.tickets().open(NewTicket.about(ada.id(), "Cannot log in").priority(priority));
    }

    private void at(String instant) {
        t.clock.set(Instant.parse(instant));
    }

    @Test
    void aHighPriorityTicketAnsweredInThreeHoursAndResolvedInTwentyFiveMeetsOneTargetAndMissesTheOther() {
        Ticket ticket = open(TicketPriority.HIGH);                    // targets 4 h / 24 h
        at("2026-03-02T12:00:00Z");
        crm.tickets().respond(ticket.id());
        at("2026-03-03T10:00:00Z");
        crm.tickets().resolve(ticket.id());

        SlaResult sla = crm.tickets().sla(ticket.id());

        assertThat(sla.firstResponseDue()).isEqualTo(Instant.parse("2026-03-02T13:00:00Z"));
        assertThat(sla.resolutionDue()).isEqualTo(Instant.parse("2026-03-03T09:00:00Z"));
        assertThat(sla.firstResponseTime()).isEqualTo(Duration.ofHours(3));
        assertThat(sla.resolutionTime()).isEqualTo(Duration.ofHours(25));
        assertThat(sla.firstResponse()).isEqualTo(SlaOutcome.MET);
        assertThat(sla.resolution()).isEqualTo(SlaOutcome.BREACHED);
        assertThat(sla.isBreached()).isTrue();
    }

    @Test
    void aResponseExactlyAtTheDueInstantMeetsTheTarget() {
        Ticket ticket = open(TicketPriority.URGENT);                  // targets 1 h / 4 h
        at("2026-03-02T10:00:00Z");
        crm.tickets().respond(ticket.id());
        at("2026-03-02T13:00:00Z");
        crm.tickets().resolve(ticket.id());

        SlaResult sla = crm.tickets().sla(ticket.id());

        assertThat(sla.firstResponse()).isEqualTo(SlaOutcome.MET);
        assertThat(sla.resolution()).isEqualTo(SlaOutcome.MET);
        assertThat(sla.firstResponseTime()).isEqualTo(Duration.ofHours(1));
        assertThat(sla.resolutionTime()).isEqualTo(Duration.ofHours(4));
    }

    @Test
    void anUnansweredTicketIsPendingUntilItsDueInstantAndBreachedOneSecondLater() {
        Ticket ticket = open(TicketPriority.NORMAL);                  // targets 8 h / 72 h
        Instant due = Instant.parse("2026-03-02T17:00:00Z");

        SlaResult atDue = ticket.sla(due);
        SlaResult after = ticket.sla(due.plusSeconds(1));

        assertThat(atDue.firstResponse()).isEqualTo(SlaOutcome.PENDING);
        assertThat(atDue.firstResponseTime()).isNull();
        assertThat(after.firstResponse()).isEqualTo(SlaOutcome.BREACHED);
        assertThat(after.resolution()).isEqualTo(SlaOutcome.PENDING);
        assertThat(ticket.sla(Instant.parse("2026-03-05T09:00:01Z")).resolution()).isEqualTo(SlaOutcome.BREACHED);
    }

    @Test
    void reopeningMeasuresTheResolutionAgainFromTheFinalResolution() {
        Ticket ticket = open(TicketPriority.URGENT);                  // resolution due 13:00
        at("2026-03-02T09:30:00Z");
        crm.tickets().resolve(ticket.id());
        at("2026-03-02T11:00:00Z");
        crm.tickets().reopen(ticket.id());
        assertThat(crm.tickets().sla(ticket.id()).resolution()).isEqualTo(SlaOutcome.PENDING);
        at("2026-03-02T14:00:00Z");
        crm.tickets().resolve(ticket.id());

        SlaResult sla = crm.tickets().sla(ticket.id());

        assertThat(sla.resolutionTime()).isEqualTo(Duration.ofHours(5));
        assertThat(sla.resolution()).isEqualTo(SlaOutcome.BREACHED);
        assertThat(sla.firstResponseTime()).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void aPolicyGivenToTheTicketOverridesTheDefault() {
        SlaPolicy gold = SlaPolicy.DEFAULT.with(TicketPriority.NORMAL,
                new SlaTargets(Duration.ofMinutes(15), Duration.ofHours(2)));
        Ticket ticket = crm.tickets().open(NewTicket.about(ada.id(), "x").slaPolicy(gold));

        assertThat(ticket.firstResponseDue()).isEqualTo(T0.plus(Duration.ofMinutes(15)));
        assertThat(ticket.resolutionDue()).isEqualTo(T0.plus(Duration.ofHours(2)));
    }

    @Test
    void aServiceWithAnotherDefaultPolicyGivesItToItsTickets() {
        SlaPolicy strict = new SlaPolicy(Map.of(
                TicketPriority.LOW, SlaTargets.hours(2, 8),
                TicketPriority.NORMAL, SlaTargets.hours(1, 4),
                TicketPriority.HIGH, SlaTargets.hours(1, 2),
                TicketPriority.URGENT, SlaTargets.hours(1, 1)));
        TicketService desk = crm.tickets().withDefaultPolicy(strict);

        Ticket ticket = desk.open(NewTicket.about(ada.id(), "x").priority(TicketPriority.LOW));

        assertThat(desk.defaultPolicy()).isEqualTo(strict);
        assertThat(ticket.slaPolicy()).isEqualTo(strict);
        assertThat(ticket.resolutionDue()).isEqualTo(T0.plus(Duration.ofHours(8)));
        assertThat(crm.tickets().open(NewTicket.about(ada.id(), "y")).slaPolicy()).isEqualTo(SlaPolicy.DEFAULT);
    }

    @Test
    void changingThePriorityAppliesTheTargetsOfTheNewPriority() {
        Ticket ticket = open(TicketPriority.LOW);                     // 24 h to first response
        Ticket urgent = crm.tickets().update(ticket.withPriority(TicketPriority.URGENT));

        assertThat(urgent.firstResponseDue()).isEqualTo(Instant.parse("2026-03-02T10:00:00Z"));
    }

    @Test
    void policiesAndTargetsRefuseIncompleteOrInconsistentValues() {
        assertThatThrownBy(() -> new SlaPolicy(Map.of(TicketPriority.LOW, SlaTargets.hours(1, 2))))
                .isInstanceOfSatisfying(CrmValidationException.class, e -> assertThat(e.field()).isEqualTo("slaPolicy"));
        assertThatThrownBy(() -> SlaTargets.hours(0, 2))
                .isInstanceOfSatisfying(CrmValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("firstResponse"));
        assertThatThrownBy(() -> SlaTargets.hours(4, 2))
                .isInstanceOfSatisfying(CrmValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("resolution"));
    }

    @Test
    void theBreachedListHoldsActiveTicketsPastADueInstantEarliestMissFirst() {
        Ticket urgent = open(TicketPriority.URGENT);                  // response due 10:00, resolution 13:00
        Ticket normal = open(TicketPriority.NORMAL);                  // response due 17:00
        Ticket answeredUrgent = open(TicketPriority.URGENT);
        at("2026-03-02T09:10:00Z");
        crm.tickets().respond(answeredUrgent.id());                   // resolution due 13:00 still open
        Ticket resolvedLate = open(TicketPriority.URGENT);            // opened 09:10, response due 10:10
        at("2026-03-02T12:00:00Z");
        crm.tickets().resolve(resolvedLate.id());                     // breached, but no longer active

        assertThat(crm.tickets().breachedAt(Instant.parse("2026-03-02T10:00:00Z"))).isEmpty();
        assertThat(crm.tickets().breachedAt(Instant.parse("2026-03-02T10:00:01Z"))).containsExactly(urgent);
        assertThat(crm.tickets().breachedAt(Instant.parse("2026-03-02T17:30:00Z")))
                .extracting(Ticket::id)
                .containsExactly(urgent.id(), answeredUrgent.id(), normal.id());
    }
}
