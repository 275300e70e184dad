package dev.rapport.crm.activity;

import dev.rapport.crm.Actor;
import dev.rapport.crm.Crm;
import dev.rapport.crm.TenantId;
import dev.rapport.crm.directory.InMemoryDirectory;
import dev.rapport.crm.directory.User;
import dev.rapport.crm.directory.UserId;
import dev.rapport.crm.event.CrmEvent;
import dev.rapport.crm.lead.LeadId;
import dev.rapport.crm.lead.LeadSource;
import dev.rapport.crm.lead.NewLead;
import dev.rapport.crm.party.Account;
import dev.rapport.crm.party.Contact;
import dev.rapport.crm.party.NewAccount;
import dev.rapport.crm.party.NewContact;
import dev.rapport.crm.sales.NewOpportunity;
import dev.rapport.crm.sales.OpportunityId;
import dev.rapport.crm.spi.IdGenerator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A CRM for the engagement tests: a mutable clock at {@link #T0}, sequential ids, a directory
 * with the active users alice and bob and the inactive user carol, commands run by alice unless
 * the test sets another actor, and every event of the default tenant collected.
 */
public final class TestCrm {
    public static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    public static final UserId ALICE = UserId.of("alice");
    public static final UserId BOB = UserId.of("bob");
    public static final UserId CAROL = UserId.of("carol");

    public final MutableClock clock = new MutableClock(T0);
    public final InMemoryDirectory directory = new InMemoryDirectory()
            .addUser(User.of(ALICE)).addUser(User.of(BOB)).addUser(new User(CAROL, false));
    public final List<CrmEvent> events = new ArrayList<>();
    public Actor actor = Actor.user("alice");
    private int leads;
    public final Crm crm;

    public TestCrm() {
        crm = Crm.builder().clock(clock).idGenerator(IdGenerator.sequential("t")).directory(directory)
                .actor(() -> actor).build();
        crm.events().subscribe(events::add);
    }

    public Crm tenant(String tenant) {
        return crm.forTenant(TenantId.of(tenant));
    }

    public Contact contact() {
        return crm.contacts().create(NewContact.named("Ada", "Lovelace"));
    }

    public Account account() {
        return crm.accounts().create(NewAccount.named("Acme GmbH"));
    }

    public OpportunityId opportunity() {
        return crm.opportunities().create(NewOpportunity.named("Fleet rollout")).id();
    }

    public LeadId lead() {
        return crm.leads().capture(NewLead.from(LeadSource.WEB_FORM).email("grace" + (++leads) + "@fleet.example")).id();
    }

    /** Runs a read on the default tenant's store, e.g. to count rows. */
    public <T> T read(Function<dev.rapport.crm.spi.StoreTransaction, T> query) {
        return crm.internalContext().read(query);
    }

    /** The events collected since the last call, which forgets them. */
    public List<CrmEvent> drainEvents() {
        List<CrmEvent> copy = List.copyOf(events);
        events.clear();
        return copy;
    }
}
