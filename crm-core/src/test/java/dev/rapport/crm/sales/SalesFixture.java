package dev.rapport.crm.sales;

import dev.rapport.crm.Crm;
import dev.rapport.crm.TenantId;
import dev.rapport.crm.directory.InMemoryDirectory;
import dev.rapport.crm.directory.User;
import dev.rapport.crm.directory.UserId;
import dev.rapport.crm.event.CrmEvent;
import dev.rapport.crm.party.Account;
import dev.rapport.crm.party.Contact;
import dev.rapport.crm.party.NewAccount;
import dev.rapport.crm.party.NewContact;
import dev.rapport.crm.spi.IdGenerator;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A CRM on a fixed clock with sequential ids, one active and one inactive user, and an event log. */
final class SalesFixture {
    static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    static final LocalDate TODAY = LocalDate.ofInstant(NOW, ZoneOffset.UTC);
    static final UserId ALICE = UserId.of("alice");
    static final UserId GONE = UserId.of("gone");

    final Crm crm;
    final List<CrmEvent> events = new CopyOnWriteArrayList<>();

    SalesFixture() {
        this(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    SalesFixture(Clock clock) {
        InMemoryDirectory directory = new InMemoryDirectory()
                .addUser(User.of(ALICE))
                .addUser(new User(GONE, false));
        crm = Crm.builder().clock(clock).idGenerator(IdGenerator.sequential("t")).directory(directory).build();
        crm.events().subscribe(events::add);
    }

    Account account(String name) {
        return crm.accounts().create(NewAccount.named(name));
    }

    Contact contact(String first) {
        return crm.contacts().create(NewContact.named(first, "Tester"));
    }

    /** The events of one type recorded so far. */
    <E extends CrmEvent> List<E> events(Class<E> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** Forgets the events recorded so far. */
    void clearEvents() {
        events.clear();
    }

    Crm tenant(String id) {
        return crm.forTenant(TenantId.of(id));
    }
}
