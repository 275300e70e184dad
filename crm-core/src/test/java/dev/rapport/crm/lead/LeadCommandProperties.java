package dev.rapport.crm.lead;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.crm.Crm;
import dev.rapport.crm.CrmException;
import dev.rapport.crm.PageRequest;
import dev.rapport.crm.event.CrmEvent;
import dev.rapport.crm.party.Account;
import dev.rapport.crm.party.AccountId;
import dev.rapport.crm.party.Contact;
import dev.rapport.crm.property.ForAll;
import dev.rapport.crm.property.Gen;
import dev.rapport.crm.property.Property;
import dev.rapport.crm.revenue.Money;
import dev.rapport.crm.sales.Opportunity;
import dev.rapport.crm.spi.IdGenerator;
import java.util.ArrayList;
import java.util.List;

/**
 * Random sequences of lead commands, many of them refused: a refused command leaves leads,
 * contacts and accounts exactly as they were and publishes nothing, and whatever was accepted,
 * every converted lead points at a contact (and account, and opportunity) that exists.
 */
class LeadCommandProperties {

    enum Kind {
        CAPTURE, CAPTURE_UNIDENTIFIABLE, START, QUALIFY, DISQUALIFY, DISQUALIFY_BLANK, REOPEN, SCORE, STALE_UPDATE,
        CONVERT, CONVERT_WITH_OPPORTUNITY, CONVERT_INTO_MISSING_ACCOUNT
    }

    record Command(Kind kind, int pick) {
    }

    static Gen<List<Command>> commands() {
        return Gen.lists(Gen.zip(Gen.enums(Kind.class), Gen.integers(-50, 50), Command::new), 1, 40);
    }

    private record State(List<Lead> leads, List<Contact> contacts, List<Account> accounts,
            List<Opportunity> opportunities) {
    }

    private static State state(Crm crm) {
        return new State(crm.leads().list(PageRequest.first(1000)).items(),
                crm.contacts().list(PageRequest.first(1000)).items(),
                crm.accounts().list(PageRequest.first(1000)).items(),
                crm.opportunities().list(PageRequest.first(1000)).items());
    }

    @Property(tries = 150)
    void aRefusedLeadCommandChangesNothingAndPublishesNothing(@ForAll("commands") List<Command> commands) {
        Crm crm = Crm.builder().idGenerator(IdGenerator.sequential("p")).build();
        List<CrmEvent> events = new ArrayList<>();
        crm.events().subscribe(events::add);
        List<Lead> staleCopies = new ArrayList<>();

        for (Command c : commands) {
            State before = state(crm);
            int eventsBefore = events.size();
            boolean refused = false;
            try {
                run(crm, c, before.leads(), staleCopies);
            } catch (CrmException e) {
                refused = true;
            }
            if (refused) {
                assertThat(state(crm)).isEqualTo(before);
                assertThat(events).hasSize(eventsBefore);
            }
        }

        for (Lead lead : crm.leads().list(PageRequest.first(1000)).items()) {
            assertThat(lead.score()).isNotNegative();
            if (lead.isConverted()) {
                assertThat(crm.contacts().find(lead.conversion().contactId())).isPresent();
                if (lead.conversion().accountId() != null) {
                    assertThat(crm.accounts().find(lead.conversion().accountId())).isPresent();
                }
                if (lead.conversion().opportunityId() != null) {
                    assertThat(crm.opportunities().get(lead.conversion().opportunityId()).accountId())
                            .isEqualTo(lead.conversion().accountId());
                }
            }
        }
    }

    private static void run(Crm crm, Command c, List<Lead> leads, List<Lead> staleCopies) {
        int n = Math.abs(c.pick());
        if (c.kind() == Kind.CAPTURE) {
            // Few distinct addresses and companies, so conversions meet existing contacts and accounts.
            crm.leads().capture(NewLead.from(LeadSource.WEB_FORM).email("p" + n % 4 + "@c" + n % 3 + ".example")
                    .company(n % 2 == 0 ? "Company " + n % 3 : "Other"));
            return;
        }
        if (c.kind() == Kind.CAPTURE_UNIDENTIFIABLE) {
            crm.leads().capture(NewLead.from(LeadSource.EVENT).name("Only", "Name"));
            return;
        }
        if (leads.isEmpty()) {
            return;
        }
        Lead lead = leads.get(n % leads.size());
        switch (c.kind()) {
            case START -> crm.leads().startWorking(lead.id());
            case QUALIFY -> crm.leads().qualify(lead.id(), "note " + n);
            case DISQUALIFY -> crm.leads().disqualify(lead.id(), "reason " + n);
            case DISQUALIFY_BLANK -> crm.leads().disqualify(lead.id(), " ");
            case REOPEN -> crm.leads().reopen(lead.id());
            case SCORE -> {
                staleCopies.add(lead);
                crm.leads().addScore(lead.id(), c.pick());
            }
            case STALE_UPDATE -> {
                if (!staleCopies.isEmpty()) {
                    crm.leads().update(staleCopies.get(n % staleCopies.size()).withTitle("Title " + n));
                }
            }
            case CONVERT -> crm.leads().convert(lead.id(), ConvertLead.plain());
            case CONVERT_WITH_OPPORTUNITY -> crm.leads().convert(lead.id(),
                    ConvertLead.withOpportunity("Deal " + n, Money.of(n + ".00", "EUR")));
            case CONVERT_INTO_MISSING_ACCOUNT ->
                    crm.leads().convert(lead.id(), ConvertLead.plain().intoAccount(AccountId.of("missing")));
            default -> throw new IllegalStateException("handled above: " + c.kind());
        }
    }
}
