package dev.rapport.crm.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.crm.CrmValidationException;
import dev.rapport.crm.activity.TestCrm;
import dev.rapport.crm.event.CrmEvent;
import dev.rapport.crm.event.TicketStatusChanged;
import dev.rapport.crm.property.Gen;
import dev.rapport.crm.property.PropertyCheck;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Random sequences of lifecycle commands, with the clock moving between them: the ticket never
 * reaches an inconsistent state, every accepted move is one {@link TicketStatus#canMoveTo}
 * allows, and every refused command changes nothing and publishes nothing.
 */
class TicketLifecycleProperties {
    enum Op { RESPOND, CHANGE_STATUS, RESOLVE, REOPEN, CLOSE }

    record Step(Op op, TicketStatus target, int minutesLater) {
        @Override
        public String toString() {
            return "+" + minutesLater + "min " + (op == Op.CHANGE_STATUS ? "changeStatus(" + target + ")" : op);
        }
    }

    private static final Gen<Step> STEPS = Gen.zip(Gen.enums(Op.class),
            Gen.zip(Gen.enums(TicketStatus.class), Gen.integers(0, 600), (target, minutes) -> new Step(null, target, minutes)),
            (op, s) -> new Step(op, s.target(), s.minutesLater()));

    @Test
    void randomCommandSequencesKeepTheTicketConsistentAndRefusalsChangeNothing() {
        PropertyCheck.forAll(Gen.lists(STEPS, 0, 25)).tries(300).id("ticket-lifecycle").check(steps -> {
            TestCrm t = new TestCrm();
            Ticket ticket = t.crm.tickets().open(NewTicket.about(t.contact().id(), "x")
                    .priority(TicketPriority.HIGH));
            t.drainEvents();
            for (Step step : steps) {
                t.clock.advance(Duration.ofMinutes(step.minutesLater()));
                Ticket before = t.crm.tickets().get(ticket.id());
                TicketStatus expected = expectedStatus(before.status(), step);
                if (expected == null) {
                    assertThatThrownBy(() -> apply(t, ticket.id(), step))
                            .isInstanceOfSatisfying(CrmValidationException.class,
                                    e -> assertThat(e.field()).isEqualTo("status"));
                    assertThat(t.crm.tickets().get(ticket.id())).isEqualTo(before);
                    assertThat(t.events).isEmpty();
                    continue;
                }
                apply(t, ticket.id(), step);
                Ticket after = t.crm.tickets().get(ticket.id());
                List<CrmEvent> events = t.drainEvents();
                assertThat(after.status()).isEqualTo(expected);
                if (expected == before.status()) {
                    assertThat(after).isEqualTo(before);
                    assertThat(events).isEmpty();
                } else {
                    assertThat(before.status().canMoveTo(after.status())).isTrue();
                    assertThat(after.version()).isEqualTo(before.version() + 1);
                    assertThat(events.get(0)).isInstanceOfSatisfying(TicketStatusChanged.class, e -> {
                        assertThat(e.from()).isEqualTo(before.status());
                        assertThat(e.to()).isEqualTo(after.status());
                    });
                }
                if (before.firstResponseAt() != null) {
                    assertThat(after.firstResponseAt()).isEqualTo(before.firstResponseAt());
                }
                assertConsistent(after, t.clock.instant());
            }
        });
    }

    /** The status a step leads to from {@code from}, or null if it must be refused. */
    private static TicketStatus expectedStatus(TicketStatus from, Step step) {
        TicketStatus target = switch (step.op()) {
            case RESPOND -> from == TicketStatus.NEW ? TicketStatus.OPEN : from;
            case CHANGE_STATUS -> step.target();
            case RESOLVE -> TicketStatus.RESOLVED;
            case REOPEN -> from == TicketStatus.RESOLVED ? TicketStatus.OPEN : null;
            case CLOSE -> TicketStatus.CLOSED;
        };
        if (target == null) {
            return null;
        }
        if (step.op() == Op.RESPOND) {
            return target;
        }
        return from.canMoveTo(target) ? target : null;
    }

    private static void apply(TestCrm t, TicketId id, Step step) {
        TicketService tickets = t.crm.tickets();
        switch (step.op()) {
            case RESPOND -> tickets.respond(id);
            case CHANGE_STATUS -> tickets.changeStatus(id, step.target());
            case RESOLVE -> tickets.resolve(id);
            case REOPEN -> tickets.reopen(id);
            case CLOSE -> tickets.close(id);
        }
    }

    /** The lifecycle invariants, checked independently of the constructor that enforces them. */
    private static void assertConsistent(Ticket ticket, Instant now) {
        TicketStatus s = ticket.status();
        assertThat(ticket.firstResponseAt() == null).isEqualTo(s == TicketStatus.NEW);
        assertThat(ticket.resolvedAt() != null).isEqualTo(s == TicketStatus.RESOLVED || s == TicketStatus.CLOSED);
        assertThat(ticket.closedAt() != null).isEqualTo(s == TicketStatus.CLOSED);
        Instant previous = ticket.createdAt();
        for (Instant next : new Instant[] {ticket.firstResponseAt(), ticket.resolvedAt(), ticket.closedAt()}) {
            if (next != null) {
                assertThat(next).isAfterOrEqualTo(previous).isBeforeOrEqualTo(now);
                previous = next;
            }
        }
        SlaResult sla = ticket.sla(now);
        assertThat(sla.firstResponseTime() == null).isEqualTo(ticket.firstResponseAt() == null);
        assertThat(sla.resolutionTime() == null).isEqualTo(ticket.resolvedAt() == null);
    }
}
