package dev.rapport.crm.activity;

import static dev.rapport.crm.activity.TestCrm.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.crm.EntityId;
import dev.rapport.crm.Page;
import dev.rapport.crm.PageRequest;
import dev.rapport.crm.party.Account;
import dev.rapport.crm.party.Contact;
import dev.rapport.crm.party.NewAccount;
import dev.rapport.crm.party.NewContact;
import dev.rapport.crm.property.Gen;
import dev.rapport.crm.property.PropertyCheck;
import dev.rapport.crm.sales.OpportunityId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Timelines read from the index by link, page by page, agree with a scan of every activity
 * sorted newest first (ties by id, descending); tasks found by link agree with a scan too.
 */
class TimelineIndexProperties {
    private static final Comparator<Activity> NEWEST_FIRST = Comparator.comparing(Activity::occurredAt)
            .thenComparing(a -> a.id().value()).reversed();

    @Test
    void timelinesAndTaskLookUpsAgreeWithAScan() {
        PropertyCheck.forAll(Gen.lists(Gen.integers(0, 215), 0, 20), Gen.integers(1, 4)).tries(120)
                .id("timeline-index").check((plans, pageSize) -> {
                    TestCrm t = new TestCrm();
                    List<Contact> contacts = List.of(t.contact(),
                            t.crm.contacts().create(NewContact.named("B", "C")),
                            t.crm.contacts().create(NewContact.named("D", "E")));
                    List<Account> accounts = List.of(t.account(), t.crm.accounts().create(NewAccount.named("F")));
                    List<OpportunityId> deals = List.of(t.opportunity(), t.opportunity());
                    for (int plan : plans) {
                        TimelineLinks links = links(plan, contacts, accounts, deals);
                        t.crm.activities().log(NewActivity.of(ActivityType.NOTE, Channel.OTHER).withLinks(links)
                                .occurredAt(T0.minus(Duration.ofHours(plan / 36 % 6))));
                        if (plan % 5 == 0) {
                            t.crm.tasks().create(NewTask.titled("t").withLinks(links));
                        }
                    }
                    List<Activity> all = t.read(tx -> tx.activities().list(PageRequest.first(1000)).items());
                    List<Task> allTasks = t.read(tx -> tx.tasks().list(PageRequest.first(1000)).items());
                    List<EntityId> ids = new ArrayList<>();
                    contacts.forEach(c -> ids.add(c.id()));
                    accounts.forEach(a -> ids.add(a.id()));
                    ids.addAll(deals);
                    for (EntityId id : ids) {
                        List<Activity> expected = all.stream().filter(a -> a.links().ids().contains(id))
                                .sorted(NEWEST_FIRST).toList();
                        assertThat(readAllPages(t, id, pageSize)).isEqualTo(expected);
                        List<Task> expectedTasks = allTasks.stream().filter(k -> k.links().ids().contains(id)).toList();
                        assertThat(tasksOf(t, id)).isEqualTo(expectedTasks);
                    }
                });
    }

    /** Decodes a plan into links: at least the first contact when it would link nothing. */
    private static TimelineLinks links(int plan, List<Contact> contacts, List<Account> accounts,
            List<OpportunityId> deals) {
        int contact = plan % 4 - 1;
        int account = plan / 4 % 3 - 1;
        int deal = plan / 12 % 3 - 1;
        TimelineLinks links = TimelineLinks.none()
                .withContact(contact < 0 ? null : contacts.get(contact).id())
                .withAccount(account < 0 ? null : accounts.get(account).id())
                .withOpportunity(deal < 0 ? null : deals.get(deal));
        return links.isEmpty() ? links.withContact(contacts.get(0).id()) : links;
    }

    private static List<Activity> readAllPages(TestCrm t, EntityId id, int pageSize) {
        List<Activity> items = new ArrayList<>();
        Page<Activity> page = timeline(t, id, PageRequest.first(pageSize));
        items.addAll(page.items());
        while (page.hasNext()) {
            page = timeline(t, id, page.nextRequest());
            assertThat(page.items()).isNotEmpty().hasSizeLessThanOrEqualTo(pageSize);
            items.addAll(page.items());
        }
        assertThat(items).hasSize((int) page.total());
        return items;
    }

    private static Page<Activity> timeline(TestCrm t, EntityId id, PageRequest request) {
        if (id instanceof dev.rapport.crm.party.ContactId c) {
            return t.crm.activities().timeline(c, request);
        }
        if (id instanceof dev.rapport.crm.party.AccountId a) {
            return t.crm.activities().timeline(a, request);
        }
        return t.crm.activities().timeline((OpportunityId) id, request);
    }

    private static List<Task> tasksOf(TestCrm t, EntityId id) {
        if (id instanceof dev.rapport.crm.party.ContactId c) {
            return t.crm.tasks().tasksOf(c);
        }
        if (id instanceof dev.rapport.crm.party.AccountId a) {
            return t.crm.tasks().tasksOf(a);
        }
        return t.crm.tasks().tasksOf((OpportunityId) id);
    }
}
