package dev.rapport.crm.examples;

import dev.rapport.crm.Crm;
import dev.rapport.crm.event.StageChanged;
import dev.rapport.crm.lead.Conversion;
import dev.rapport.crm.lead.ConvertLead;
import dev.rapport.crm.lead.Lead;
import dev.rapport.crm.lead.LeadSource;
import dev.rapport.crm.lead.NewLead;
import dev.rapport.crm.revenue.Money;
import dev.rapport.crm.party.Account;
import dev.rapport.crm.party.Contact;
import dev.rapport.crm.party.NewAccount;
import dev.rapport.crm.party.NewContact;
import java.time.Clock;

/**
 * The README's quickstart, as a program. A test checks that the README shows exactly this code.
 */
public final class Quickstart {
    private Quickstart() {
    }

    /**
     * Runs the quickstart.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        run();
    }

    static Contact run() {
        // tag::quickstart[]
        Crm crm = Crm.builder()                     // in-memory store by default: zero infrastructure
            .clock(Clock.systemUTC())
            .build();

        crm.events().subscribe(StageChanged.class,
            e -> System.out.println("deal moved: " + e.fromStage() + " -> " + e.toStage()));

        Account acme = crm.accounts().create(NewAccount.named("Acme GmbH").domain("acme.example"));
        Contact ada  = crm.contacts().create(NewContact.named("Ada", "Lovelace")
                            .email("ada@acme.example").account(acme.id()));
        Lead lead    = crm.leads().capture(NewLead.from(LeadSource.WEB_FORM)
                            .email("grace@fleet.example").company("Fleet Ltd"));
        Conversion c = crm.leads().convert(lead.id(), ConvertLead.withOpportunity("Fleet rollout",
                            Money.of("120000.00", "EUR")));
        crm.opportunities().moveToStage(c.opportunityId(), "proposal");
        Contact grace = crm.contacts().findByEmail("GRACE@fleet.example").orElseThrow();
        // end::quickstart[]
        return grace;
    }
}
