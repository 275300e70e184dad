package dev.rapport.crm.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.crm.Actor;
import dev.rapport.crm.Crm;
import dev.rapport.crm.activity.Activity;
import dev.rapport.crm.activity.ActivityType;
import dev.rapport.crm.activity.Channel;
import dev.rapport.crm.activity.NewActivity;
import dev.rapport.crm.activity.NewTask;
import dev.rapport.crm.activity.Task;
import dev.rapport.crm.directory.InMemoryDirectory;
import dev.rapport.crm.directory.User;
import dev.rapport.crm.directory.UserId;
import dev.rapport.crm.EntityId;
import dev.rapport.crm.PageRequest;
import dev.rapport.crm.party.Account;
import dev.rapport.crm.party.AccountId;
import dev.rapport.crm.party.Contact;
import dev.rapport.crm.party.ContactId;
import dev.rapport.crm.party.ContactRole;
import dev.rapport.crm.party.ContactRoleType;
import dev.rapport.crm.party.NewAccount;
import dev.rapport.crm.party.NewContact;
import dev.rapport.crm.property.ForAll;
import dev.rapport.crm.property.Gen;
import dev.rapport.crm.property.Property;
import dev.rapport.crm.revenue.Money;
import dev.rapport.crm.revenue.NewSubscription;
import dev.rapport.crm.revenue.Subscription;
import dev.rapport.crm.sales.NewOpportunity;
import dev.rapport.crm.sales.Opportunity;
import dev.rapport.crm.service.NewTicket;
import dev.rapport.crm.service.Ticket;
import dev.rapport.crm.spi.IdGenerator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A merge loses nothing: over random stores of accounts (with hierarchies), contacts, contact
 * roles, opportunities, subscriptions, activities, tasks and tickets, the records linked to the survivor after a merge are
 * exactly those linked to the survivor or the loser before (links between the two collapse), and
 * no other record's links change.
 */
class MergeProperties {

    /** The random choices a store and a merge are built from, consumed in order (0 when used up). */
    static Gen<List<Integer>> choices() {
        return Gen.lists(Gen.integers(0, 1000), 0, 80);
    }

    static final class Choices {
        private final List<Integer> values;
        private int next;

        Choices(List<Integer> values) {
            this.values = values;
        }

        int pick(int bound) {
            int v = next < values.size() ? values.get(next) : 0;
            next++;
            return Math.floorMod(v, bound);
        }
    }

    @Property(tries = 200)
    void aContactMergeKeepsEveryLinkOnTheSurvivor(@ForAll("choices") List<Integer> values) {
        Crm crm = crm();
        World world = World.build(crm, new Choices(values));
        Choices c = new Choices(values.subList(values.size() / 2, values.size()));
        ContactId survivor = world.contacts.get(c.pick(world.contacts.size()));
        ContactId loser = world.contacts.get((world.contacts.indexOf(survivor) + 1 + c.pick(world.contacts.size() - 1))
                % world.contacts.size());
        Map<EntityId, Set<EntityId>> before = links(crm);

        crm.duplicates().mergeContacts(survivor, loser);

        Map<EntityId, Set<EntityId>> after = links(crm);
        assertKeptOnSurvivor(before, after, survivor, loser);
        assertThat(crm.contacts().count()).isEqualTo(world.contacts.size() - 1);
    }

    @Property(tries = 200)
    void anAccountMergeKeepsEveryLinkOnTheSurvivor(@ForAll("choices") List<Integer> values) {
        Crm crm = crm();
        World world = World.build(crm, new Choices(values));
        Choices c = new Choices(values.subList(values.size() / 2, values.size()));
        AccountId survivor = world.accounts.get(c.pick(world.accounts.size()));
        AccountId loser = world.accounts.get((world.accounts.indexOf(survivor) + 1 + c.pick(world.accounts.size() - 1))
                % world.accounts.size());
        Map<EntityId, Set<EntityId>> before = links(crm);

        crm.duplicates().mergeAccounts(survivor, loser);

        Map<EntityId, Set<EntityId>> after = links(crm);
        assertKeptOnSurvivor(before, after, survivor, loser);
        assertThat(crm.accounts().count()).isEqualTo(world.accounts.size() - 1);
        assertThat(crm.opportunities().count()).isEqualTo(world.opportunities);
        assertThat(crm.subscriptions().list(PageRequest.first(1000)).total()).isEqualTo(world.subscriptions);
    }

    private static Crm crm() {
        return Crm.builder().idGenerator(IdGenerator.sequential("m"))
                .directory(new InMemoryDirectory().addUser(User.of(UserId.of("alice"))))
                .actor(() -> Actor.user("alice")).build();
    }

    private static void assertKeptOnSurvivor(Map<EntityId, Set<EntityId>> before, Map<EntityId, Set<EntityId>> after,
            EntityId survivor, EntityId loser) {
        Set<EntityId> expected = new HashSet<>(before.getOrDefault(survivor, Set.of()));
        expected.addAll(before.getOrDefault(loser, Set.of()));
        expected.remove(survivor);
        expected.remove(loser);
        assertThat(after.getOrDefault(survivor, Set.of())).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(after).doesNotContainKey(loser);
        for (Map.Entry<EntityId, Set<EntityId>> e : before.entrySet()) {
            if (!e.getKey().equals(survivor) && !e.getKey().equals(loser)) {
                Set<EntityId> others = new HashSet<>(e.getValue());
                others.remove(loser);
                Set<EntityId> now = new HashSet<>(after.getOrDefault(e.getKey(), Set.of()));
                now.remove(survivor);
                others.remove(survivor);
                assertThat(now).as("links of an uninvolved record").isEqualTo(others);
            }
        }
    }

    /** For every party id, the records that point to it (read independently of the merge code). */
    static Map<EntityId, Set<EntityId>> links(Crm crm) {
        Map<EntityId, Set<EntityId>> links = new HashMap<>();
        for (Contact contact : crm.contacts().list(PageRequest.first(1000)).items()) {
            if (contact.accountId() != null) {
                links.computeIfAbsent(contact.accountId(), k -> new HashSet<>()).add(contact.id());
            }
        }
        for (Account account : crm.accounts().list(PageRequest.first(1000)).items()) {
            if (account.parentId() != null) {
                links.computeIfAbsent(account.parentId(), k -> new HashSet<>()).add(account.id());
            }
            for (ContactId role : account.contactRoles().contactIds()) {
                links.computeIfAbsent(role, k -> new HashSet<>()).add(account.id());
            }
        }
        for (Opportunity deal : crm.opportunities().list(PageRequest.first(1000)).items()) {
            if (deal.accountId() != null) {
                links.computeIfAbsent(deal.accountId(), k -> new HashSet<>()).add(deal.id());
            }
            for (ContactId role : deal.contactRoles().contactIds()) {
                links.computeIfAbsent(role, k -> new HashSet<>()).add(deal.id());
            }
        }
        crm.internalContext().read(tx -> {
            for (Activity a : tx.activities().list(PageRequest.first(1000)).items()) {
                a.links().ids().forEach(id -> links.computeIfAbsent(id, k -> new HashSet<>()).add(a.id()));
            }
            for (Task t : tx.tasks().list(PageRequest.first(1000)).items()) {
                t.links().ids().forEach(id -> links.computeIfAbsent(id, k -> new HashSet<>()).add(t.id()));
            }
            for (Ticket t : tx.tickets().list(PageRequest.first(1000)).items()) {
                if (t.contactId() != null) {
                    links.computeIfAbsent(t.contactId(), k -> new HashSet<>()).add(t.id());
                }
                if (t.accountId() != null) {
                    links.computeIfAbsent(t.accountId(), k -> new HashSet<>()).add(t.id());
                }
            }
            return null;
        });
        for (Subscription s : crm.subscriptions().list(PageRequest.first(1000)).items()) {
            links.computeIfAbsent(s.accountId(), k -> new HashSet<>()).add(s.id());
            if (s.contactId() != null) {
                links.computeIfAbsent(s.contactId(), k -> new HashSet<>()).add(s.id());
            }
        }
        return links;
    }

    /** A random store built through the services. */
    static final class World {
        final List<AccountId> accounts = new ArrayList<>();
        final List<ContactId> contacts = new ArrayList<>();
        int opportunities;
        int subscriptions;

        static World build(Crm crm, Choices c) {
            World w = new World();
            int accounts = 2 + c.pick(4);
            for (int i = 0; i < accounts; i++) {
                NewAccount command = NewAccount.named("Account " + i);
                int parent = c.pick(i + 1);
                if (parent < i) {
                    command = command.parent(w.accounts.get(parent));
                }
                w.accounts.add(crm.accounts().create(command).id());
            }
            int contacts = 2 + c.pick(5);
            for (int i = 0; i < contacts; i++) {
                NewContact command = NewContact.named("Person", "Number " + i);
                int account = c.pick(accounts + 1);
                if (account < accounts) {
                    command = command.account(w.accounts.get(account));
                }
                w.contacts.add(crm.contacts().create(command).id());
            }
            ContactRoleType[] types = ContactRoleType.values();
            int roles = c.pick(6);
            for (int i = 0; i < roles; i++) {
                ContactRole role = new ContactRole(w.contacts.get(c.pick(contacts)), types[c.pick(types.length)],
                        c.pick(2) == 0);
                crm.accounts().setContactRole(w.accounts.get(c.pick(accounts)), role);
            }
            int deals = c.pick(4);
            for (int i = 0; i < deals; i++) {
                NewOpportunity command = NewOpportunity.named("Deal " + i);
                int account = c.pick(accounts + 1);
                if (account < accounts) {
                    command = command.account(w.accounts.get(account));
                }
                Opportunity deal = crm.opportunities().create(command);
                int dealRoles = c.pick(3);
                for (int r = 0; r < dealRoles; r++) {
                    crm.opportunities().setContactRole(deal.id(), new ContactRole(w.contacts.get(c.pick(contacts)),
                            types[c.pick(types.length)], c.pick(2) == 0));
                }
                w.opportunities++;
            }
            int plans = c.pick(3);
            for (int i = 0; i < plans; i++) {
                NewSubscription command = NewSubscription.of(w.accounts.get(c.pick(accounts)), "Plan " + i,
                        Money.of("10.00", "EUR"));
                int contact = c.pick(contacts + 1);
                if (contact < contacts) {
                    command = command.contact(w.contacts.get(contact));
                }
                crm.subscriptions().start(command);
                w.subscriptions++;
            }
            int timeline = c.pick(6);
            for (int i = 0; i < timeline; i++) {
                ContactId contact = w.contacts.get(c.pick(contacts));
                AccountId account = w.accounts.get(c.pick(accounts));
                switch (c.pick(5)) {
                    case 0 -> crm.activities().log(NewActivity.of(ActivityType.CALL, Channel.PHONE).contact(contact));
                    case 1 -> crm.activities().log(NewActivity.of(ActivityType.NOTE, Channel.WEB).contact(contact)
                            .account(account));
                    case 2 -> crm.tasks().create(NewTask.titled("Task " + i).assignee(UserId.of("alice"))
                            .contact(contact).account(account));
                    case 3 -> crm.tickets().open(NewTicket.about(contact, "Ticket " + i).account(account));
                    default -> crm.tickets().open(NewTicket.forAccount(account, "Ticket " + i));
                }
            }
            return w;
        }
    }
}
