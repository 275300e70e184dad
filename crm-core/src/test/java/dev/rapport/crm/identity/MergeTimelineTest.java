package dev.rapport.crm.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.crm.Crm;
import dev.rapport.crm.Page;
import dev.rapport.crm.PageRequest;
import dev.rapport.crm.TestClock;
import dev.rapport.crm.activity.Activity;
import dev.rapport.crm.activity.ActivityType;
import dev.rapport.crm.activity.Channel;
import dev.rapport.crm.activity.NewActivity;
import dev.rapport.crm.activity.NewTask;
import dev.rapport.crm.activity.Purchase;
import dev.rapport.crm.activity.Task;
import dev.rapport.crm.directory.InMemoryDirectory;
import dev.rapport.crm.directory.User;
import dev.rapport.crm.directory.UserId;
import dev.rapport.crm.event.ActivityCorrected;
import dev.rapport.crm.marketing.Campaign;
import dev.rapport.crm.marketing.CampaignChannel;
import dev.rapport.crm.marketing.CampaignMember;
import dev.rapport.crm.marketing.CampaignMemberStatus;
import dev.rapport.crm.marketing.NewCampaign;
import dev.rapport.crm.event.CrmEvent;
import dev.rapport.crm.event.TaskUpdated;
import dev.rapport.crm.event.TicketUpdated;
import dev.rapport.crm.party.Account;
import dev.rapport.crm.party.Contact;
import dev.rapport.crm.party.NewAccount;
import dev.rapport.crm.party.NewContact;
import dev.rapport.crm.revenue.Money;
import dev.rapport.crm.service.NewTicket;
import dev.rapport.crm.service.Ticket;
import dev.rapport.crm.spi.IdGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MergeTimelineTest {
    private final TestClock clock = TestClock.at("2026-03-01T09:00:00Z");
    private final Crm crm = Crm.builder().clock(clock).idGenerator(IdGenerator.sequential("t"))
            .directory(new InMemoryDirectory().addUser(User.of(UserId.of("alice"))))
            .actor(() -> dev.rapport.crm.Actor.user("alice")).build();
    private final List<CrmEvent> events = new ArrayList<>();

    {
        crm.events().subscribe(events::add);
    }

    @Test
    void aContactMergeMovesActivitiesTasksAndTicketsToTheSurvivor() {
        Contact keep = crm.contacts().create(NewContact.named("Ada", "Lovelace"));
        Contact drop = crm.contacts().create(NewContact.named("Ada", "L"));
        Activity call = crm.activities().log(NewActivity.of(ActivityType.CALL, Channel.PHONE).contact(drop.id()));
        Task task = crm.tasks().create(NewTask.titled("Call back").assignee(UserId.of("alice")).contact(drop.id()));
        Ticket ticket = crm.tickets().open(NewTicket.about(drop.id(), "Broken"));
        events.clear();

        MergeRecord merge = crm.duplicates().mergeContacts(keep.id(), drop.id());

        assertThat(crm.activities().get(call.id()).links().contactId()).isEqualTo(keep.id());
        assertThat(crm.tasks().get(task.id()).links().contactId()).isEqualTo(keep.id());
        assertThat(crm.tickets().get(ticket.id()).contactId()).isEqualTo(keep.id());
        assertThat(merge.relinked()).contains(call.id(), task.id(), ticket.id());
        assertThat(events).filteredOn(ActivityCorrected.class::isInstance).hasSize(1);
        assertThat(events).filteredOn(TaskUpdated.class::isInstance).hasSize(1);
        assertThat(events).filteredOn(TicketUpdated.class::isInstance).hasSize(1);
        assertThat(crm.activities().timeline(drop.id(), PageRequest.first(10)).items()).isEmpty();
    }

    @Test
    void campaignMembershipsMoveAndTwoMembershipsOfOneCampaignBecomeOne() {
        Contact keep = crm.contacts().create(NewContact.named("Ada", "Lovelace"));
        Contact drop = crm.contacts().create(NewContact.named("Ada", "L"));
        Campaign spring = crm.campaigns().create(NewCampaign.named("Spring", CampaignChannel.EMAIL)
                .budget(Money.of("100.00", "EUR")));
        Campaign fair = crm.campaigns().create(NewCampaign.named("Fair", CampaignChannel.EMAIL)
                .budget(Money.of("100.00", "EUR")));
        crm.campaigns().touch(spring.id(), keep.id(), clock.instant());
        clock.advance(Duration.ofHours(1));
        crm.campaigns().touch(spring.id(), drop.id(), clock.instant());
        crm.campaigns().recordResponse(spring.id(), drop.id(), CampaignMemberStatus.CLICKED, clock.instant());
        CampaignMember atFair = crm.campaigns().addMember(fair.id(), drop.id());

        crm.duplicates().mergeContacts(keep.id(), drop.id());

        CampaignMember both = crm.campaigns().membership(spring.id(), keep.id()).orElseThrow();
        assertThat(both.touches()).isEqualTo(3);
        assertThat(both.status()).isEqualTo(CampaignMemberStatus.CLICKED);
        assertThat(both.firstTouchAt()).isEqualTo(Instant.parse("2026-03-01T09:00:00Z"));
        assertThat(both.lastTouchAt()).isEqualTo(Instant.parse("2026-03-01T10:00:00Z"));
        assertThat(crm.campaigns().membership(spring.id(), drop.id())).isEmpty();
        assertThat(crm.campaigns().membership(fair.id(), keep.id())).map(CampaignMember::id).contains(atFair.id());
    }

    @Test
    void anAccountMergeMovesActivitiesTasksAndTicketsToTheSurvivor() {
        Account keep = crm.accounts().create(NewAccount.named("Keep"));
        Account drop = crm.accounts().create(NewAccount.named("Drop"));
        Activity visit = crm.activities().log(NewActivity.of(ActivityType.WEB_VISIT, Channel.WEB).account(drop.id()));
        Task task = crm.tasks().create(NewTask.titled("Review").assignee(UserId.of("alice")).account(drop.id()));
        Ticket ticket = crm.tickets().open(NewTicket.forAccount(drop.id(), "Invoice"));

        crm.duplicates().mergeAccounts(keep.id(), drop.id());

        assertThat(crm.activities().get(visit.id()).links().accountId()).isEqualTo(keep.id());
        assertThat(crm.tasks().get(task.id()).links().accountId()).isEqualTo(keep.id());
        assertThat(crm.tickets().get(ticket.id()).accountId()).isEqualTo(keep.id());
    }

    @Test
    void theProfileTimelineMergesActivitiesPurchasesAndTicketsNewestFirstAndPages() {
        Contact ada = crm.contacts().create(NewContact.named("Ada", "Lovelace"));
        Activity email = crm.activities().log(NewActivity.of(ActivityType.EMAIL, Channel.EMAIL).contact(ada.id()));
        clock.advance(Duration.ofHours(1));
        Ticket ticket = crm.tickets().open(NewTicket.about(ada.id(), "Where is my order?"));
        clock.advance(Duration.ofHours(1));
        Activity purchase = crm.activities().log(NewActivity.of(ActivityType.PURCHASE, Channel.WEB).contact(ada.id())
                .purchase(new Purchase("order-1", Money.of("99.00", "EUR"))));

        Customer360 profile = crm.profiles().get(ada.id());
        Page<TimelineEntry> second = crm.profiles().timeline(ada.id(), new PageRequest(1, 1));

        assertThat(profile.timeline().items()).extracting(TimelineEntry::id)
                .containsExactly(purchase.id(), ticket.id(), email.id());
        assertThat(profile.timeline().items().get(0)).isInstanceOfSatisfying(TimelineEntry.OfActivity.class,
                e -> assertThat(e.purchase()).map(Purchase::orderId).contains("order-1"));
        assertThat(second.items()).extracting(TimelineEntry::id).containsExactly(ticket.id());
        assertThat(second.total()).isEqualTo(3);
    }

    @Test
    void anAccountsTimelineHasItsOwnActivitiesAndTickets() {
        Account acme = crm.accounts().create(NewAccount.named("Acme"));
        Contact ada = crm.contacts().create(NewContact.named("Ada", "Lovelace").account(acme.id()));
        Activity meeting = crm.activities().log(NewActivity.of(ActivityType.MEETING, Channel.IN_PERSON)
                .account(acme.id()).contact(ada.id()));
        clock.advance(Duration.ofMinutes(5));
        Ticket ticket = crm.tickets().open(NewTicket.forAccount(acme.id(), "Contract"));
        crm.tickets().open(NewTicket.about(ada.id(), "Personal question"));

        assertThat(crm.profiles().get(acme.id()).timeline().items()).extracting(TimelineEntry::id)
                .containsExactly(ticket.id(), meeting.id());
    }
}
