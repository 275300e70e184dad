package dev.rapport.crm.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.crm.PageRequest;
import dev.rapport.crm.activity.TestCrm;
import dev.rapport.crm.directory.UserId;
import dev.rapport.crm.party.Account;
import dev.rapport.crm.party.Contact;
import dev.rapport.crm.property.Gen;
import dev.rapport.crm.property.PropertyCheck;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * After random openings, assignments and status moves, every ticket look-up served from an
 * index agrees with a scan of all tickets, and so does the breached list.
 */
class TicketLookupProperties {
    private static final List<UserId> AGENTS = List.of(TestCrm.ALICE, TestCrm.BOB);

    @Test
    void ticketLookUpsAgreeWithAScan() {
        PropertyCheck.forAll(Gen.lists(Gen.integers(0, 999), 0, 30)).tries(120).id("ticket-lookups").check(ops -> {
            TestCrm t = new TestCrm();
            Contact ada = t.contact();
            Account acme = t.account();
            List<TicketId> opened = new ArrayList<>();
            for (int op : ops) {
                t.clock.advance(Duration.ofMinutes(op % 97));
                int pick = op / 10;
                switch (op % 10) {
                    case 0, 1, 2 -> opened.add(t.crm.tickets().open(
                            (pick % 2 == 0 ? NewTicket.about(ada.id(), "x") : NewTicket.forAccount(acme.id(), "y"))
                                    .priority(TicketPriority.values()[pick % 4])).id());
                    case 3 -> {
                        if (!opened.isEmpty()) {
                            TicketId id = opened.get(pick % opened.size());
                            if (t.crm.tickets().get(id).status() != TicketStatus.CLOSED) {
                                t.crm.tickets().assign(id, pick % 3 == 2 ? null : AGENTS.get(pick % 2));
                            }
                        }
                    }
                    default -> {
                        if (!opened.isEmpty()) {
                            TicketId id = opened.get(pick % opened.size());
                            TicketStatus target = TicketStatus.values()[pick % 5];
                            if (t.crm.tickets().get(id).status().canMoveTo(target)) {
                                t.crm.tickets().changeStatus(id, target);
                            }
                        }
                    }
                }
            }
            List<Ticket> all = t.read(tx -> tx.tickets().list(PageRequest.first(1000)).items());
            for (UserId agent : AGENTS) {
                assertThat(t.crm.tickets().openByAssignee(agent)).isEqualTo(
                        all.stream().filter(k -> agent.equals(k.assigneeId()) && k.isActive()).toList());
            }
            assertThat(t.crm.tickets().byContact(ada.id()))
                    .isEqualTo(all.stream().filter(k -> ada.id().equals(k.contactId())).toList());
            assertThat(t.crm.tickets().byAccount(acme.id()))
                    .isEqualTo(all.stream().filter(k -> acme.id().equals(k.accountId())).toList());
            for (TicketStatus status : TicketStatus.values()) {
                assertThat(t.crm.tickets().byStatus(status))
                        .isEqualTo(all.stream().filter(k -> k.status() == status).toList());
            }
            Instant at = t.clock.instant();
            assertThat(t.crm.tickets().breachedAt(at)).containsExactlyInAnyOrderElementsOf(
                    all.stream().filter(k -> k.isActive() && k.sla(at).isBreached()).toList());
        });
    }
}
