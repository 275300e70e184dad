package dev.rapport.crm.service;

import static dev.rapport.crm.activity.TestCrm.ALICE;
import static dev.rapport.crm.activity.TestCrm.BOB;
import static dev.rapport.crm.activity.TestCrm.CAROL;
import static dev.rapport.crm.activity.TestCrm.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.crm.Crm;
import dev.rapport.crm.CrmConflictException;
import dev.rapport.crm.CrmNotFoundException;
import dev.rapport.crm.CrmValidationException;
import dev.rapport.crm.Page;
import dev.rapport.crm.PageRequest;
import dev.rapport.crm.activity.Channel;
import dev.rapport.crm.activity.TestCrm;
import dev.rapport.crm.event.TicketOpened;
import dev.rapport.crm.event.TicketResolved;
import dev.rapport.crm.event.TicketStatusChanged;
import dev.rapport.crm.event.TicketUpdated;
import dev.rapport.crm.party.Account;
import dev.rapport.crm.party.AccountId;
import dev.rapport.crm.party.Contact;
import dev.rapport.crm.party.ContactId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TicketServiceTest {
    private TestCrm t;
    private Crm crm;
    private Contact ada;

    @BeforeEach
    void setUp() {
        t = new TestCrm();
        crm = t.crm;
        ada = t.contact();
        t.drainEvents();
    }

    private Ticket open() {
        return crm.tickets().open(NewTicket.about(ada.id(), "Cannot log in"));
    }

    private List<Ticket> storedTickets() {
        return t.read(tx -> tx.tickets().list(PageRequest.first(100)).items());
    }

    private void assertRefused(Runnable command, String field) {
        List<Ticket> before = storedTickets();
        assertThatThrownBy(command::run).isInstanceOfSatisfying(CrmValidationException.class,
                e -> assertThat(e.field()).isEqualTo(field));
        List<Ticket> after = storedTickets();
        assertThat(after).isEqualTo(before);
        assertThat(t.events).isEmpty();
    }

    private Instant later(long minutes) {
        t.clock.advance(Duration.ofMinutes(minutes));
        return t.clock.instant();
    }

    @Test
    void aNewTicketIsNewUnderTheDefaultPolicyAndPublishesTicketOpened() {
        Ticket ticket = crm.tickets().open(NewTicket.about(ada.id(), "Printer on fire")
                .priority(TicketPriority.URGENT).channel(Channel.PHONE).assignee(BOB));

        assertThat(ticket.status()).isEqualTo(TicketStatus.NEW);
        assertThat(ticket.slaPolicy()).isEqualTo(SlaPolicy.DEFAULT);
        assertThat(ticket.createdAt()).isEqualTo(T0);
        assertThat(ticket.firstResponseAt()).isNull();
        assertThat(crm.tickets().get(ticket.id())).isEqualTo(ticket);
        assertThat(t.events).singleElement().isInstanceOfSatisfying(TicketOpened.class, e -> {
            assertThat(e.ticketId()).isEqualTo(ticket.id());
            assertThat(e.contactId()).isEqualTo(ada.id());
            assertThat(e.priority()).isEqualTo(TicketPriority.URGENT);
        });
    }

    @Test
    void aTicketNeedsAnExistingContactOrAccountAndAnActiveAssignee() {
        assertRefused(() -> crm.tickets().open(NewTicket.about(ContactId.of("nope"), "x")), "contactId");
        assertRefused(() -> crm.tickets().open(NewTicket.forAccount(AccountId.of("nope"), "x")), "accountId");
        assertRefused(() -> crm.tickets().open(NewTicket.about(ada.id(), "x").assignee(CAROL)), "assigneeId");
        assertThatThrownBy(() -> NewTicket.about(ada.id(), " ")).isInstanceOfSatisfying(
                CrmValidationException.class, e -> assertThat(e.field()).isEqualTo("subject"));
    }

    @Test
    void theFirstResponseMovesTheTicketOutOfNewAndIsRecordedOnce() {
        Ticket ticket = open();
        Instant answered = later(30);
        t.drainEvents();

        Ticket responded = crm.tickets().respond(ticket.id());
        later(30);
        Ticket again = crm.tickets().respond(ticket.id());

        assertThat(responded.status()).isEqualTo(TicketStatus.OPEN);
        assertThat(responded.firstResponseAt()).isEqualTo(answered);
        assertThat(again).isEqualTo(responded);
        assertThat(t.events).singleElement().isInstanceOfSatisfying(TicketStatusChanged.class, e -> {
            assertThat(e.from()).isEqualTo(TicketStatus.NEW);
            assertThat(e.to()).isEqualTo(TicketStatus.OPEN);
        });
    }

    @Test
    void anyMoveOutOfNewCountsAsTheFirstResponse() {
        Ticket ticket = open();
        Instant parked = later(10);

        Ticket pending = crm.tickets().changeStatus(ticket.id(), TicketStatus.PENDING);

        assertThat(pending.firstResponseAt()).isEqualTo(parked);
        later(10);
        assertThat(crm.tickets().changeStatus(ticket.id(), TicketStatus.OPEN).firstResponseAt()).isEqualTo(parked);
    }

    @Test
    void resolvingPublishesTheStatusChangeAndTicketResolved() {
        Ticket ticket = crm.tickets().respond(open().id());
        Instant solved = later(60);
        t.drainEvents();

        Ticket resolved = crm.tickets().resolve(ticket.id());

        assertThat(resolved.status()).isEqualTo(TicketStatus.RESOLVED);
        assertThat(resolved.resolvedAt()).isEqualTo(solved);
        assertThat(t.events).hasSize(2);
        assertThat(t.events.get(0)).isInstanceOf(TicketStatusChanged.class);
        assertThat(t.events.get(1)).isInstanceOfSatisfying(TicketResolved.class,
                e -> assertThat(e.ticketId()).isEqualTo(ticket.id()));
    }

    @Test
    void reopeningClearsTheResolutionAndOnlyAResolvedTicketCanBeReopened() {
        Ticket ticket = crm.tickets().resolve(open().id());
        later(5);

        Ticket reopened = crm.tickets().reopen(ticket.id());

        assertThat(reopened.status()).isEqualTo(TicketStatus.OPEN);
        assertThat(reopened.resolvedAt()).isNull();
        assertThat(reopened.firstResponseAt()).isEqualTo(ticket.firstResponseAt());
        t.drainEvents();
        assertRefused(() -> crm.tickets().reopen(ticket.id()), "status");
    }

    @Test
    void closingAnUnresolvedTicketResolvesItAtTheSameInstant() {
        Ticket ticket = open();
        Instant closedAt = later(15);
        t.drainEvents();

        Ticket closed = crm.tickets().close(ticket.id());

        assertThat(closed.status()).isEqualTo(TicketStatus.CLOSED);
        assertThat(closed.closedAt()).isEqualTo(closedAt);
        assertThat(closed.resolvedAt()).isEqualTo(closedAt);
        assertThat(closed.firstResponseAt()).isEqualTo(closedAt);
        assertThat(t.events).hasSize(2).last().isInstanceOf(TicketResolved.class);
    }

    @Test
    void closingAResolvedTicketKeepsItsResolutionTime() {
        Ticket resolved = crm.tickets().resolve(open().id());
        later(60);
        t.drainEvents();

        Ticket closed = crm.tickets().close(resolved.id());

        assertThat(closed.resolvedAt()).isEqualTo(resolved.resolvedAt());
        assertThat(t.events).singleElement().isInstanceOf(TicketStatusChanged.class);
    }

    @Test
    void movesTheLifecycleForbidsAreRefusedNamingStatusAndChangeNothing() {
        Ticket fresh = open();
        Ticket closed = crm.tickets().close(open().id());
        t.drainEvents();

        assertRefused(() -> crm.tickets().changeStatus(fresh.id(), TicketStatus.NEW), "status");
        assertRefused(() -> crm.tickets().changeStatus(closed.id(), TicketStatus.OPEN), "status");
        assertRefused(() -> crm.tickets().close(closed.id()), "status");
        assertRefused(() -> crm.tickets().resolve(closed.id()), "status");
    }

    @Test
    void assigningPublishesTheChangeAndAClosedTicketCannotBeReassigned() {
        Ticket ticket = open();
        t.drainEvents();

        Ticket assigned = crm.tickets().assign(ticket.id(), BOB);

        assertThat(assigned.assigneeId()).isEqualTo(BOB);
        assertThat(t.events).singleElement().isInstanceOfSatisfying(TicketUpdated.class,
                e -> assertThat(e.changedFields()).containsExactly("assigneeId"));
        t.drainEvents();
        assertRefused(() -> crm.tickets().assign(ticket.id(), CAROL), "assigneeId");
        crm.tickets().close(ticket.id());
        t.drainEvents();
        assertRefused(() -> crm.tickets().assign(ticket.id(), ALICE), "status");
    }

    @Test
    void anUpdateChangesDetailsWithAVersionCheck() {
        Ticket ticket = open();
        t.drainEvents();

        Ticket updated = crm.tickets().update(ticket.withPriority(TicketPriority.HIGH).withChannel(Channel.CHAT));

        assertThat(updated.version()).isEqualTo(2);
        assertThat(t.events).singleElement().isInstanceOfSatisfying(TicketUpdated.class,
                e -> assertThat(e.changedFields()).containsExactlyInAnyOrder("priority", "channel"));
        t.drainEvents();
        assertThatThrownBy(() -> crm.tickets().update(ticket.withPriority(TicketPriority.LOW)))
                .isInstanceOf(CrmConflictException.class);
        assertThat(crm.tickets().get(ticket.id()).priority()).isEqualTo(TicketPriority.HIGH);
        assertThat(t.events).isEmpty();
    }

    @Test
    void anUpdateCannotMoveTheStatusOrPointAtMissingRecords() {
        Ticket ticket = open();
        t.drainEvents();
        Ticket assigned = new Ticket(ticket.id(), ticket.tenantId(), ticket.version(), ticket.subject(),
                ticket.description(), ticket.contactId(), ticket.accountId(), ticket.priority(), ticket.status(),
                BOB, ticket.channel(), ticket.slaPolicy(), ticket.createdAt(), ticket.updatedAt(), null, null, null, ticket.customFields());

        assertRefused(() -> crm.tickets().update(assigned), "assigneeId");
        assertRefused(() -> crm.tickets().update(ticket.withParties(ada.id(), AccountId.of("nope"))), "accountId");
    }

    @Test
    void lookUpsFindTicketsByAssigneeContactAccountAndStatus() {
        Account acme = t.account();
        Ticket mine = crm.tickets().open(NewTicket.about(ada.id(), "a").assignee(BOB));
        Ticket resolvedMine = crm.tickets().resolve(
                crm.tickets().open(NewTicket.about(ada.id(), "b").assignee(BOB)).id());
        Ticket company = crm.tickets().open(NewTicket.forAccount(acme.id(), "c"));

        assertThat(crm.tickets().openByAssignee(BOB)).containsExactly(mine);
        assertThat(crm.tickets().byContact(ada.id())).containsExactly(mine, resolvedMine);
        assertThat(crm.tickets().byAccount(acme.id())).containsExactly(company);
        assertThat(crm.tickets().byStatus(TicketStatus.NEW)).containsExactlyInAnyOrder(mine, company);
        assertThat(crm.tickets().byStatus(TicketStatus.RESOLVED)).containsExactly(resolvedMine);
    }

    @Test
    void anotherTenantSeesNoneOfTheTickets() {
        Ticket ticket = crm.tickets().open(NewTicket.about(ada.id(), "a").assignee(BOB));
        Crm other = t.tenant("b");

        assertThat(other.tickets().find(ticket.id())).isEmpty();
        assertThat(other.tickets().openByAssignee(BOB)).isEmpty();
        assertThat(other.tickets().byContact(ada.id())).isEmpty();
        assertThat(other.tickets().byStatus(TicketStatus.NEW)).isEmpty();
        assertThat(other.tickets().breachedAt(T0.plus(Duration.ofDays(30)))).isEmpty();
        assertThatThrownBy(() -> other.tickets().respond(ticket.id())).isInstanceOf(CrmNotFoundException.class);
        assertThat(crm.tickets().breachedAt(T0.plus(Duration.ofDays(30)))).containsExactly(ticket);
    }

    @Test
    void aTicketNeverShowsItsTextInItsStringForm() {
        Ticket ticket = crm.tickets().open(NewTicket.about(ada.id(), "Password leaked").description("secret"));

        assertThat(ticket.toString()).doesNotContain("Password").doesNotContain("secret");
        assertThat(NewTicket.about(ada.id(), "Password leaked").description("secret").toString())
                .doesNotContain("Password").doesNotContain("secret");
    }

    @Test
    void ticketsAreListedPageByPageInIdOrder() {
        Ticket first = open();
        Ticket second = open();
        Ticket third = open();

        Page<Ticket> page = crm.tickets().list(PageRequest.first(2));
        assertThat(page.items()).containsExactly(first, second);
        assertThat(page.total()).isEqualTo(3);
        assertThat(page.hasNext()).isTrue();
        assertThat(crm.tickets().list(page.nextRequest()).items()).containsExactly(third);
        assertThatThrownBy(() -> crm.tickets().list(null)).isInstanceOf(CrmValidationException.class);
    }
}
