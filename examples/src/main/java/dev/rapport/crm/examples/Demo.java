package dev.rapport.crm.examples;

import dev.rapport.crm.Crm;
import dev.rapport.crm.party.Account;
import dev.rapport.crm.party.Contact;
import dev.rapport.crm.party.NewAccount;
import dev.rapport.crm.party.NewContact;
import java.io.PrintStream;
import java.time.Clock;

/**
 * The demo on the embedded default (the in-memory store): run it with the README's first command.
 */
public final class Demo {
    private Demo() {
    }

    /**
     * Runs the demo.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        run(System.out);
    }

    static void run(PrintStream out) {
        Crm crm = Crm.builder().clock(Clock.systemUTC()).build();
        Account acme = crm.accounts().create(NewAccount.named("Acme GmbH").domain("acme.example"));
        Contact ada = crm.contacts().create(NewContact.named("Ada", "Lovelace")
                .email("ada@acme.example").account(acme.id()));
        out.println("Rapport demo: " + crm.accounts().count() + " account, " + crm.contacts().count() + " contact");
        out.println("Contact " + ada.id() + " works for account " + acme.id());
    }
}
