package dev.rapport.crm.activity;

import static dev.rapport.crm.activity.TestCrm.ALICE;
import static dev.rapport.crm.activity.TestCrm.BOB;
import static dev.rapport.crm.activity.TestCrm.CAROL;
import static dev.rapport.crm.activity.TestCrm.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.crm.Actor;
import dev.rapport.crm.Crm;
import dev.rapport.crm.CrmConflictException;
import dev.rapport.crm.CrmNotFoundException;
import dev.rapport.crm.CrmValidationException;
import dev.rapport.crm.Page;
import dev.rapport.crm.PageRequest;
import dev.rapport.crm.event.ActivityCorrected;
import dev.rapport.crm.event.ActivityLogged;
import dev.rapport.crm.party.Account;
import dev.rapport.crm.party.Contact;
import dev.rapport.crm.party.ContactId;
import dev.rapport.crm.party.NewContact;
import dev.rapport.crm.revenue.Money;
import dev.rapport.crm.sales.OpportunityId;
import dev.rapport.crm.service.NewTicket;
import dev.rapport.crm.service.Ticket;
import dev.rapport.crm.service.TicketId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ActivityServiceTest {
    private TestCrm t;
    private Crm crm;
    private Contact ada;

    @BeforeEach
    void setUp() {
        t = new TestCrm();
        crm = t.crm;
        ada = t.contact();
        t.drainEvents();
    }

    private long storedActivities() {
        return t.read(tx -> tx.activities().count());
    }

    private void assertRefused(Runnable command, String field) {
        long before = storedActivities();
        assertThatThrownBy(command::run).isInstanceOfSatisfying(CrmValidationException.class,
                e -> assertThat(e.field()).isEqualTo(field));
        assertThat(storedActivities()).isEqualTo(before);
        assertThat(t.events).isEmpty();
    }

    @Test
    void loggingAnActivityStoresItAndPublishesActivityLoggedWithItsLinks() {
        Account acme = t.account();
        t.drainEvents();

        Activity call = crm.activities().log(NewActivity.of(ActivityType.CALL, Channel.PHONE)
                .contact(ada.id()).account(acme.id()).subject("Renewal").duration(Duration.ofMinutes(12)));

        assertThat(call.version()).isEqualTo(1);
        assertThat(call.createdAt()).isEqualTo(T0);
        assertThat(call.links().ids()).containsExactly(ada.id(), acme.id());
        assertThat(crm.activities().get(call.id())).isEqualTo(call);
        assertThat(t.events).singleElement().isInstanceOfSatisfying(ActivityLogged.class, e -> {
            assertThat(e.activityId()).isEqualTo(call.id());
            assertThat(e.type()).isEqualTo(ActivityType.CALL);
            assertThat(e.links()).containsExactly(ada.id(), acme.id());
            assertThat(e.meta().occurredAt()).isEqualTo(T0);
        });
    }

    @Test
    void anActivityHappensNowAndWasDoneByTheCommandsUserUnlessToldOtherwise() {
        Activity call = crm.activities().log(NewActivity.of(ActivityType.CALL, Channel.PHONE).contact(ada.id()));

        assertThat(call.occurredAt()).isEqualTo(T0);
        assertThat(call.actor()).isEqualTo(ActivityActor.user(ALICE));
        assertThat(call.direction()).isEqualTo(Direction.OUTBOUND);
    }

    @Test
    void theDirectionDefaultsToInboundForTheCustomerAndInternalForNotes() {
        Activity visit = crm.activities().log(NewActivity.of(ActivityType.WEB_VISIT, Channel.WEB)
                .byCustomer().contact(ada.id()));
        Activity note = crm.activities().log(NewActivity.of(ActivityType.NOTE, Channel.OTHER).contact(ada.id()));
        Activity explicit = crm.activities().log(NewActivity.of(ActivityType.EMAIL, Channel.EMAIL)
                .direction(Direction.INBOUND).byUser(BOB).contact(ada.id()));

        assertThat(visit.direction()).isEqualTo(Direction.INBOUND);
        assertThat(visit.actor().isCustomer()).isTrue();
        assertThat(note.direction()).isEqualTo(Direction.INTERNAL);
        assertThat(explicit.direction()).isEqualTo(Direction.INBOUND);
        assertThat(explicit.actor().userId()).isEqualTo(BOB);
    }

    @Test
    void anActivityMayBeLoggedAfterTheFact() {
        Instant yesterday = T0.minus(Duration.ofDays(1));

        Activity meeting = crm.activities().log(NewActivity.of(ActivityType.MEETING, Channel.IN_PERSON)
                .occurredAt(yesterday).contact(ada.id()));

        assertThat(meeting.occurredAt()).isEqualTo(yesterday);
        assertThat(meeting.createdAt()).isEqualTo(T0);
    }

    @Test
    void anActivityInTheFutureIsRefused() {
        assertRefused(() -> crm.activities().log(NewActivity.of(ActivityType.CALL, Channel.PHONE)
                .occurredAt(T0.plusSeconds(1)).contact(ada.id())), "occurredAt");
    }

    @Test
    void anActivityLinkedToNothingIsRefused() {
        assertRefused(() -> crm.activities().log(NewActivity.of(ActivityType.NOTE, Channel.OTHER)), "links");
    }

    @Test
    void linksToMissingContactsAccountsOpportunitiesOrTicketsAreRefused() {
        assertRefused(() -> crm.activities().log(NewActivity.of(ActivityType.NOTE, Channel.OTHER)
                .contact(ContactId.of("missing"))), "contactId");
        assertRefused(() -> crm.activities().log(NewActivity.of(ActivityType.NOTE, Channel.OTHER)
                .contact(ada.id()).account(dev.rapport.crm.party.AccountId.of("missing"))), "accountId");
        assertRefused(() -> crm.activities().log(NewActivity.of(ActivityType.NOTE, Channel.OTHER)
                .contact(ada.id()).ticket(TicketId.of("missing"))), "ticketId");
        assertRefused(() -> crm.activities().log(NewActivity.of(ActivityType.NOTE, Channel.OTHER)
                .contact(ada.id()).opportunity(OpportunityId.of("missing"))), "opportunityId");
    }

    @Test
    void anActivityMayBeLinkedToAnOpportunityAlone() {
        OpportunityId deal = t.opportunity();

        Activity email = crm.activities().log(NewActivity.of(ActivityType.EMAIL, Channel.EMAIL).opportunity(deal));

        assertThat(email.links().opportunityId()).isEqualTo(deal);
        assertThat(crm.activities().timeline(deal, PageRequest.first(10)).items()).containsExactly(email);
    }

    @Test
    void withoutAUserRunningTheCommandTheActorMustBeGiven() {
        t.actor = Actor.integration("shop");

        assertRefused(() -> crm.activities().log(NewActivity.of(ActivityType.PURCHASE, Channel.WEB)
                .contact(ada.id())), "actor");

        Activity purchase = crm.activities().log(NewActivity.of(ActivityType.PURCHASE, Channel.WEB)
                .byCustomer().contact(ada.id()));
        assertThat(purchase.actor()).isEqualTo(ActivityActor.customer());
    }

    @Test
    void aUserActorMustBeKnownToTheDirectoryButMayHaveLeft() {
        assertRefused(() -> crm.activities().log(NewActivity.of(ActivityType.CALL, Channel.PHONE)
                .byUser(dev.rapport.crm.directory.UserId.of("stranger")).contact(ada.id())), "actor");

        Activity byFormerColleague = crm.activities().log(NewActivity.of(ActivityType.CALL, Channel.PHONE)
                .byUser(CAROL).contact(ada.id()));
        assertThat(byFormerColleague.actor().userId()).isEqualTo(CAROL);
    }

    @Test
    void purchaseDataBelongsOnlyToPurchases() {
        Purchase order = new Purchase("SO-1042", Money.of("249.90", "EUR"));

        assertThatThrownBy(() -> NewActivity.of(ActivityType.CALL, Channel.PHONE).purchase(order))
                .isInstanceOfSatisfying(CrmValidationException.class, e -> assertThat(e.field()).isEqualTo("purchase"));

        Activity bought = crm.activities().log(NewActivity.of(ActivityType.PURCHASE, Channel.WEB)
                .byCustomer().contact(ada.id()).purchase(order));
        assertThat(crm.activities().get(bought.id()).purchase()).isEqualTo(order);
    }

    @Test
    void badValuesAreRefusedNamingTheField() {
        assertThatThrownBy(() -> new Purchase(" ", Money.of("1.00", "EUR")))
                .isInstanceOfSatisfying(CrmValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("purchase.orderId"));
        assertThatThrownBy(() -> new Purchase("SO-1", Money.of("-1.00", "EUR")))
                .isInstanceOfSatisfying(CrmValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("purchase.total"));
        assertThatThrownBy(() -> NewActivity.of(ActivityType.CALL, Channel.PHONE).duration(Duration.ofMinutes(-1)))
                .isInstanceOfSatisfying(CrmValidationException.class, e -> assertThat(e.field()).isEqualTo("duration"));
        assertThatThrownBy(() -> NewActivity.of(ActivityType.NOTE, Channel.OTHER).subject("x".repeat(501)))
                .isInstanceOfSatisfying(CrmValidationException.class, e -> assertThat(e.field()).isEqualTo("subject"));
    }

    @Test
    void correctingSubjectAndBodyStoresTheNextVersionAndPublishesTheChangedFields() {
        Activity note = crm.activities().log(NewActivity.of(ActivityType.NOTE, Channel.OTHER)
                .contact(ada.id()).subject("Cal").body("Prefers calls"));
        t.clock.advance(Duration.ofMinutes(5));
        t.drainEvents();

        Activity corrected = crm.activities().correct(note.withContent("Call", "Prefers calls"));

        assertThat(corrected.version()).isEqualTo(2);
        assertThat(corrected.subject()).isEqualTo("Call");
        assertThat(corrected.updatedAt()).isEqualTo(T0.plus(Duration.ofMinutes(5)));
        assertThat(corrected.createdAt()).isEqualTo(T0);
        assertThat(t.events).singleElement().isInstanceOfSatisfying(ActivityCorrected.class,
                e -> assertThat(e.changedFields()).containsExactly("subject"));
    }

    @Test
    void aCorrectionBasedOnAStaleVersionIsRefusedAndChangesNothing() {
        Activity note = crm.activities().log(NewActivity.of(ActivityType.NOTE, Channel.OTHER)
                .contact(ada.id()).body("v1"));
        crm.activities().correct(note.withContent(null, "v2"));
        t.drainEvents();

        assertThatThrownBy(() -> crm.activities().correct(note.withContent(null, "v3")))
                .isInstanceOf(CrmConflictException.class);
        assertThat(crm.activities().get(note.id()).body()).isEqualTo("v2");
        assertThat(t.events).isEmpty();
    }

    @Test
    void everythingButSubjectAndBodyIsImmutableOnceLogged() {
        Activity call = crm.activities().log(NewActivity.of(ActivityType.CALL, Channel.PHONE).contact(ada.id()));
        t.drainEvents();
        Activity otherChannel = new Activity(call.id(), call.tenantId(), call.version(), call.type(), Channel.VIDEO,
                call.direction(), call.occurredAt(), call.actor(), "changed", call.body(), call.duration(),
                call.links(), call.purchase(), call.createdAt(), call.updatedAt(), call.customFields());

        assertThatThrownBy(() -> crm.activities().correct(otherChannel))
                .isInstanceOfSatisfying(CrmValidationException.class, e -> assertThat(e.field()).isEqualTo("channel"));
        assertThat(crm.activities().get(call.id())).isEqualTo(call);
        assertThat(t.events).isEmpty();
    }

    @Test
    void correctingAnUnknownActivityIsNotFound() {
        Activity call = crm.activities().log(NewActivity.of(ActivityType.CALL, Channel.PHONE).contact(ada.id()));

        assertThatThrownBy(() -> t.tenant("b").activities().correct(call.withContent("x", null)))
                .isInstanceOf(CrmNotFoundException.class);
    }

    @Test
    void aTimelineListsTheNewestActivityFirstAndBreaksTiesByIdDescending() {
        Activity older = logAt(T0.minus(Duration.ofHours(3)));
        Activity newest = logAt(T0.minus(Duration.ofHours(1)));
        Activity tieA = logAt(T0.minus(Duration.ofHours(2)));
        Activity tieB = logAt(T0.minus(Duration.ofHours(2)));

        List<Activity> items = crm.activities().timeline(ada.id(), PageRequest.first(10)).items();

        assertThat(tieB.id().value()).isGreaterThan(tieA.id().value());
        assertThat(items).containsExactly(newest, tieB, tieA, older);
    }

    @Test
    void aTimelineIsPaged() {
        for (int hour = 1; hour <= 5; hour++) {
            logAt(T0.minus(Duration.ofHours(hour)));
        }

        Page<Activity> first = crm.activities().timeline(ada.id(), PageRequest.first(2));
        Page<Activity> second = crm.activities().timeline(ada.id(), first.nextRequest());
        Page<Activity> last = crm.activities().timeline(ada.id(), second.nextRequest());

        assertThat(first.total()).isEqualTo(5);
        assertThat(first.items()).extracting(Activity::occurredAt)
                .containsExactly(T0.minus(Duration.ofHours(1)), T0.minus(Duration.ofHours(2)));
        assertThat(second.items()).extracting(Activity::occurredAt)
                .containsExactly(T0.minus(Duration.ofHours(3)), T0.minus(Duration.ofHours(4)));
        assertThat(last.items()).extracting(Activity::occurredAt).containsExactly(T0.minus(Duration.ofHours(5)));
        assertThat(last.hasNext()).isFalse();
        assertThat(crm.activities().timeline(ada.id(), new PageRequest(10, 5)).items()).isEmpty();
    }

    @Test
    void anActivityShowsOnTheTimelineOfEveryRecordItIsLinkedTo() {
        Account acme = t.account();
        Ticket ticket = crm.tickets().open(NewTicket.about(ada.id(), "Cannot log in"));
        Contact grace = crm.contacts().create(NewContact.named("Grace", "Hopper"));
        Activity reply = crm.activities().log(NewActivity.of(ActivityType.SUPPORT_INTERACTION, Channel.EMAIL)
                .contact(ada.id()).account(acme.id()).ticket(ticket.id()));
        Activity other = crm.activities().log(NewActivity.of(ActivityType.NOTE, Channel.OTHER).contact(grace.id()));

        assertThat(crm.activities().timeline(ada.id(), PageRequest.first(10)).items()).containsExactly(reply);
        assertThat(crm.activities().timeline(acme.id(), PageRequest.first(10)).items()).containsExactly(reply);
        assertThat(crm.activities().timeline(ticket.id(), PageRequest.first(10)).items()).containsExactly(reply);
        assertThat(crm.activities().timeline(grace.id(), PageRequest.first(10)).items()).containsExactly(other);
    }

    @Test
    void anotherTenantSeesNoneOfTheTimelineAndCannotLinkToItsRecords() {
        Activity call = crm.activities().log(NewActivity.of(ActivityType.CALL, Channel.PHONE).contact(ada.id()));
        Crm other = t.tenant("b");

        assertThat(other.activities().timeline(ada.id(), PageRequest.first(10)).total()).isZero();
        assertThat(other.activities().find(call.id())).isEmpty();
        assertThatThrownBy(() -> other.activities().log(NewActivity.of(ActivityType.CALL, Channel.PHONE)
                .contact(ada.id()))).isInstanceOfSatisfying(CrmValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("contactId"));
        assertThat(crm.activities().timeline(ada.id(), PageRequest.first(10)).items()).containsExactly(call);
    }

    @Test
    void theTextOfAnActivityNeverShowsInItsStringForm() {
        Activity note = crm.activities().log(NewActivity.of(ActivityType.NOTE, Channel.OTHER)
                .contact(ada.id()).subject("Secret subject").body("Private body"));

        assertThat(note.toString()).doesNotContain("Secret").doesNotContain("Private");
        assertThat(NewActivity.of(ActivityType.NOTE, Channel.OTHER).subject("Secret subject").body("Private body")
                .toString()).doesNotContain("Secret").doesNotContain("Private");
    }

    private Activity logAt(Instant at) {
        return crm.activities().log(NewActivity.of(ActivityType.EMAIL, Channel.EMAIL).occurredAt(at).contact(ada.id()));
    }

}
