package dev.rapport.crm.examples;

import dev.rapport.crm.Crm;
import dev.rapport.crm.event.LifecycleChanged;
import dev.rapport.crm.lifecycle.LifecycleStage;
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

        crm.events().subscribe(LifecycleChanged.class,
            e -> System.out.println("lifecycle: " + e.from() + " -> " + e.to()));

        Account acme = crm.accounts().create(NewAccount.named("Acme GmbH").domain("acme.example"));
        Contact ada  = crm.contacts().create(NewContact.named("Ada", "Lovelace")
                            .email("ada@acme.example").account(acme.id()));
        crm.contacts().advanceLifecycle(ada.id(), LifecycleStage.SALES_QUALIFIED);
        Contact found = crm.contacts().findByEmail("ADA@acme.example").orElseThrow();
        // end::quickstart[]
        return found;
    }
}
