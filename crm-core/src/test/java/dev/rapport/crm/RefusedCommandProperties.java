package dev.rapport.crm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.crm.event.CrmEvent;
import dev.rapport.crm.lifecycle.LifecycleStage;
import dev.rapport.crm.party.Account;
import dev.rapport.crm.party.AccountId;
import dev.rapport.crm.party.Contact;
import dev.rapport.crm.party.NewAccount;
import dev.rapport.crm.party.NewContact;
import dev.rapport.crm.property.ForAll;
import dev.rapport.crm.property.Gen;
import dev.rapport.crm.property.Property;
import dev.rapport.crm.spi.IdGenerator;
import java.util.ArrayList;
import java.util.List;

/**
 * Random sequences of commands, many of them bad: every refused command leaves the store exactly
 * as it was and publishes nothing; every accepted one publishes at least one event.
 */
class RefusedCommandProperties {

    enum Kind { NEW_CONTACT, NEW_ACCOUNT, CHILD_ACCOUNT, MISSING_PARENT, STALE_UPDATE, TITLE, BACKWARD, FORWARD }

    record Command(Kind kind, int pick) {
    }

    static Gen<List<Command>> commands() {
        return Gen.lists(Gen.zip(Gen.enums(Kind.class), Gen.integers(0, 5), Command::new), 1, 30);
    }

    @Property(tries = 150)
    void aRefusedCommandChangesNothingAndPublishesNothing(@ForAll("commands") List<Command> commands) {
        Crm crm = Crm.builder().idGenerator(IdGenerator.sequential("p")).build();
        List<CrmEvent> events = new ArrayList<>();
        crm.events().subscribe(events::add);
        List<Contact> staleCopies = new ArrayList<>();

        for (Command c : commands) {
            List<Contact> contactsBefore = crm.contacts().list(PageRequest.first(1000)).items();
            List<Account> accountsBefore = crm.accounts().list(PageRequest.first(1000)).items();
            int eventsBefore = events.size();
            boolean refused = false;
            try {
                run(crm, c, contactsBefore, accountsBefore, staleCopies);
            } catch (CrmException e) {
                refused = true;
            }
            if (refused) {
                assertThat(crm.contacts().list(PageRequest.first(1000)).items()).isEqualTo(contactsBefore);
                assertThat(crm.accounts().list(PageRequest.first(1000)).items()).isEqualTo(accountsBefore);
                assertThat(events).hasSize(eventsBefore);
            } else {
                assertThat(events.size()).isGreaterThanOrEqualTo(eventsBefore);
            }
        }
    }

    private static void run(Crm crm, Command c, List<Contact> contacts, List<Account> accounts,
            List<Contact> staleCopies) {
        switch (c.kind()) {
            case NEW_CONTACT -> crm.contacts().create(NewContact.named("P", "Q").email("p" + c.pick() + "@x.example"));
            case NEW_ACCOUNT -> crm.accounts().create(NewAccount.named("A" + c.pick()));
            case CHILD_ACCOUNT -> {
                AccountId parent = accounts.isEmpty() ? AccountId.of("missing")
                        : accounts.get(c.pick() % accounts.size()).id();
                crm.accounts().create(NewAccount.named("Child").parent(parent));
            }
            case MISSING_PARENT -> crm.accounts().create(NewAccount.named("Orphan").parent(AccountId.of("none")));
            case STALE_UPDATE -> {
                if (!staleCopies.isEmpty()) {
                    crm.contacts().update(staleCopies.get(c.pick() % staleCopies.size()).withTitle("T" + c.pick()));
                }
            }
            case TITLE -> {
                if (!contacts.isEmpty()) {
                    Contact current = contacts.get(c.pick() % contacts.size());
                    staleCopies.add(current);
                    crm.contacts().update(current.withTitle("Title " + c.pick()));
                }
            }
            case BACKWARD -> {
                if (!contacts.isEmpty()) {
                    crm.contacts().advanceLifecycle(contacts.get(c.pick() % contacts.size()).id(),
                            LifecycleStage.SUBSCRIBER);
                }
            }
            case FORWARD -> {
                if (!contacts.isEmpty()) {
                    crm.contacts().advanceLifecycle(contacts.get(c.pick() % contacts.size()).id(),
                            LifecycleStage.values()[1 + c.pick() % 5]);
                }
            }
        }
    }
}
