package dev.rapport.crm.marketing;

import static dev.rapport.crm.activity.TestCrm.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.crm.Crm;
import dev.rapport.crm.CrmConflictException;
import dev.rapport.crm.CrmNotFoundException;
import dev.rapport.crm.CrmValidationException;
import dev.rapport.crm.Page;
import dev.rapport.crm.PageRequest;
import dev.rapport.crm.activity.TestCrm;
import dev.rapport.crm.event.CampaignCreated;
import dev.rapport.crm.event.CampaignMemberAdded;
import dev.rapport.crm.event.CampaignMemberTouched;
import dev.rapport.crm.event.CampaignUpdated;
import dev.rapport.crm.lead.LeadId;
import dev.rapport.crm.party.Contact;
import dev.rapport.crm.party.ContactId;
import dev.rapport.crm.party.NewContact;
import dev.rapport.crm.revenue.Money;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CampaignServiceTest {
    private static final LocalDate MARCH_1 = LocalDate.of(2026, 3, 1);

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

    private Campaign campaign(String name) {
        return crm.campaigns().create(NewCampaign.named(name, CampaignChannel.EMAIL).budget(Money.of("5000.00", "EUR")));
    }

    private List<Campaign> storedCampaigns() {
        return t.read(tx -> tx.campaigns().list(PageRequest.first(100)).items());
    }

    private List<CampaignMember> storedMembers() {
        return t.read(tx -> tx.campaignMembers().list(PageRequest.first(100)).items());
    }

    private void assertRefused(Runnable command, String field) {
        List<Campaign> campaigns = storedCampaigns();
        List<CampaignMember> members = storedMembers();
        assertThatThrownBy(command::run).isInstanceOfSatisfying(CrmValidationException.class,
                e -> assertThat(e.field()).isEqualTo(field));
        List<Campaign> campaignsAfter = storedCampaigns();
        List<CampaignMember> membersAfter = storedMembers();
        assertThat(campaignsAfter).isEqualTo(campaigns);
        assertThat(membersAfter).isEqualTo(members);
        assertThat(t.events).isEmpty();
    }

    @Test
    void aNewCampaignIsPlannedWithNoCostAndPublishesCampaignCreated() {
        Campaign spring = crm.campaigns().create(NewCampaign.named("Spring launch", CampaignChannel.PAID_SEARCH)
                .period(MARCH_1, LocalDate.of(2026, 5, 31)).budget(Money.of("5000.00", "EUR")));

        assertThat(spring.status()).isEqualTo(CampaignStatus.PLANNED);
        assertThat(spring.actualCost()).isEqualTo(Money.of("0.00", "EUR"));
        assertThat(spring.endDate()).isEqualTo(LocalDate.of(2026, 5, 31));
        assertThat(crm.campaigns().get(spring.id())).isEqualTo(spring);
        assertThat(t.events).singleElement().isInstanceOfSatisfying(CampaignCreated.class,
                e -> assertThat(e.channel()).isEqualTo(CampaignChannel.PAID_SEARCH));
    }

    @Test
    void withoutAPeriodACampaignStartsTodayAndIsOpenEnded() {
        Campaign c = campaign("Evergreen");

        assertThat(c.startDate()).isEqualTo(LocalDate.of(2026, 3, 2));
        assertThat(c.endDate()).isNull();
    }

    @Test
    void aCampaignNeedsABudgetThatIsNotNegativeAndAnEndNotBeforeItsStart() {
        assertRefused(() -> crm.campaigns().create(NewCampaign.named("x", CampaignChannel.EVENT)), "budget");
        assertThatThrownBy(() -> NewCampaign.named("x", CampaignChannel.EVENT).budget(Money.of("-1.00", "EUR")))
                .isInstanceOfSatisfying(CrmValidationException.class, e -> assertThat(e.field()).isEqualTo("budget"));
        assertThatThrownBy(() -> NewCampaign.named("x", CampaignChannel.EVENT).period(MARCH_1, MARCH_1.minusDays(1)))
                .isInstanceOfSatisfying(CrmValidationException.class, e -> assertThat(e.field()).isEqualTo("endDate"));
    }

    @Test
    void anUpdateChangesDetailsWithAVersionCheck() {
        Campaign c = campaign("Sprnig");
        t.drainEvents();

        Campaign updated = crm.campaigns().update(c.withName("Spring").withPeriod(MARCH_1, MARCH_1.plusDays(30)));

        assertThat(updated.version()).isEqualTo(2);
        assertThat(t.events).singleElement().isInstanceOfSatisfying(CampaignUpdated.class,
                e -> assertThat(e.changedFields()).containsExactlyInAnyOrder("name", "startDate", "endDate"));
        t.drainEvents();
        assertThatThrownBy(() -> crm.campaigns().update(c.withName("Other"))).isInstanceOf(CrmConflictException.class);
        assertThat(crm.campaigns().get(c.id()).name()).isEqualTo("Spring");
        assertThat(t.events).isEmpty();
    }

    @Test
    void theBudgetCannotChangeCurrencyAwayFromTheCosts() {
        Campaign c = campaign("Spring");

        assertThatThrownBy(() -> c.withBudget(Money.of("100.00", "USD")))
                .isInstanceOfSatisfying(CrmValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("actualCost"));
    }

    @Test
    void theStatusFollowsItsLifecycle() {
        Campaign c = campaign("Spring");
        t.drainEvents();

        assertThat(crm.campaigns().changeStatus(c.id(), CampaignStatus.ACTIVE).status()).isEqualTo(CampaignStatus.ACTIVE);
        assertThat(t.events).singleElement().isInstanceOfSatisfying(CampaignUpdated.class,
                e -> assertThat(e.changedFields()).containsExactly("status"));
        t.drainEvents();
        assertRefused(() -> crm.campaigns().changeStatus(c.id(), CampaignStatus.PLANNED), "status");
        crm.campaigns().changeStatus(c.id(), CampaignStatus.COMPLETED);
        t.drainEvents();
        assertRefused(() -> crm.campaigns().changeStatus(c.id(), CampaignStatus.ABORTED), "status");
        assertThat(crm.campaigns().byStatus(CampaignStatus.COMPLETED)).extracting(Campaign::id).containsExactly(c.id());
    }

    @Test
    void anUpdateCannotChangeTheStatusOrTheCost() {
        Campaign c = campaign("Spring");
        t.drainEvents();
        Campaign active = new Campaign(c.id(), c.tenantId(), c.version(), c.name(), c.channel(), CampaignStatus.ACTIVE,
                c.startDate(), c.endDate(), c.budget(), c.actualCost(), c.createdAt(), c.updatedAt(), c.customFields());
        Campaign cheaper = new Campaign(c.id(), c.tenantId(), c.version(), c.name(), c.channel(), c.status(),
                c.startDate(), c.endDate(), c.budget(), Money.of("10.00", "EUR"), c.createdAt(), c.updatedAt(), c.customFields());

        assertRefused(() -> crm.campaigns().update(active), "status");
        assertRefused(() -> crm.campaigns().update(cheaper), "actualCost");
    }

    @Test
    void recordedCostsAddUpInTheBudgetsCurrency() {
        Campaign c = campaign("Spring");
        crm.campaigns().recordCost(c.id(), Money.of("1200.00", "EUR"));
        t.drainEvents();

        Campaign after = crm.campaigns().recordCost(c.id(), Money.of("300.50", "EUR"));

        assertThat(after.actualCost()).isEqualTo(Money.of("1500.50", "EUR"));
        assertThat(t.events).singleElement().isInstanceOfSatisfying(CampaignUpdated.class,
                e -> assertThat(e.changedFields()).containsExactly("actualCost"));
        t.drainEvents();
        assertRefused(() -> crm.campaigns().recordCost(c.id(), Money.of("10.00", "USD")), "cost");
        assertRefused(() -> crm.campaigns().recordCost(c.id(), Money.of("-10.00", "EUR")), "cost");
    }

    @Test
    void addingAContactMakesItAMemberOnceAndPublishesCampaignMemberAdded() {
        Campaign c = campaign("Spring");
        t.drainEvents();

        CampaignMember m = crm.campaigns().addMember(c.id(), ada.id());
        CampaignMember again = crm.campaigns().addMember(c.id(), ada.id());

        assertThat(m.status()).isEqualTo(CampaignMemberStatus.SENT);
        assertThat(m.joinedAt()).isEqualTo(T0);
        assertThat(m.touched()).isFalse();
        assertThat(again).isEqualTo(m);
        assertThat(t.events).singleElement().isInstanceOfSatisfying(CampaignMemberAdded.class, e -> {
            assertThat(e.campaignId()).isEqualTo(c.id());
            assertThat(e.memberId()).isEqualTo(ada.id());
        });
    }

    @Test
    void contactAndLeadMembersMustExist() {
        Campaign c = campaign("Spring");
        LeadId lead = t.lead();
        t.drainEvents();

        assertRefused(() -> crm.campaigns().addMember(c.id(), ContactId.of("nope")), "memberId");
        assertRefused(() -> crm.campaigns().addMember(c.id(), LeadId.of("nope")), "memberId");
        assertRefused(() -> crm.campaigns().touch(c.id(), LeadId.of("nope"), null), "memberId");
        assertThat(crm.campaigns().addMember(c.id(), lead).memberId()).isEqualTo(lead);
    }

    @Test
    void anAbortedCampaignTakesNoNewMembers() {
        Campaign c = crm.campaigns().changeStatus(campaign("Spring").id(), CampaignStatus.ABORTED);
        t.drainEvents();

        assertRefused(() -> crm.campaigns().addMember(c.id(), ada.id()), "status");
        assertThatThrownBy(() -> crm.campaigns().addMember(CampaignId.of("nope"), ada.id()))
                .isInstanceOf(CrmNotFoundException.class);
    }

    @Test
    void aResponseSetsTheStatusKeepsTheFirstResponseTimeAndCountsAsATouch() {
        Campaign c = campaign("Webinar");
        crm.campaigns().addMember(c.id(), ada.id());
        Instant registered = T0.minus(Duration.ofDays(2));
        crm.campaigns().recordResponse(c.id(), ada.id(), CampaignMemberStatus.REGISTERED, registered);
        t.clock.advance(Duration.ofDays(1));
        t.drainEvents();

        CampaignMember m = crm.campaigns().recordResponse(c.id(), ada.id(), CampaignMemberStatus.ATTENDED, null);

        assertThat(m.status()).isEqualTo(CampaignMemberStatus.ATTENDED);
        assertThat(m.respondedAt()).isEqualTo(registered);
        assertThat(m.firstTouchAt()).isEqualTo(registered);
        assertThat(m.lastTouchAt()).isEqualTo(T0.plus(Duration.ofDays(1)));
        assertThat(m.touches()).isEqualTo(2);
        assertThat(t.events).singleElement().isInstanceOfSatisfying(CampaignMemberTouched.class, e -> {
            assertThat(e.status()).isEqualTo(CampaignMemberStatus.ATTENDED);
            assertThat(e.touchedAt()).isEqualTo(T0.plus(Duration.ofDays(1)));
        });
    }

    @Test
    void anInteractionIsATouchThatLeavesTheStatus() {
        Campaign c = campaign("Ads");

        CampaignMember m = crm.campaigns().touch(c.id(), t.lead(), null);

        assertThat(m.status()).isEqualTo(CampaignMemberStatus.SENT);
        assertThat(m.respondedAt()).isNull();
        assertThat(m.touches()).isEqualTo(1);
    }

    @Test
    void aTouchOfANonMemberAddsItFirst() {
        Campaign c = campaign("Spring");
        t.drainEvents();

        crm.campaigns().recordResponse(c.id(), ada.id(), CampaignMemberStatus.CLICKED, null);

        assertThat(t.events).hasSize(2);
        assertThat(t.events.get(0)).isInstanceOf(CampaignMemberAdded.class);
        assertThat(t.events.get(1)).isInstanceOf(CampaignMemberTouched.class);
        assertThat(crm.campaigns().membership(c.id(), ada.id())).isPresent();
    }

    @Test
    void sentIsNotAResponseAndTouchesCannotLieInTheFuture() {
        Campaign c = campaign("Spring");
        crm.campaigns().addMember(c.id(), ada.id());
        t.drainEvents();

        assertRefused(() -> crm.campaigns().recordResponse(c.id(), ada.id(), CampaignMemberStatus.SENT, null), "status");
        assertRefused(() -> crm.campaigns().touch(c.id(), ada.id(), T0.plusSeconds(1)), "touchedAt");
        assertRefused(() -> crm.campaigns().touch(c.id(), ContactId.of("nope"), null), "memberId");
    }

    @Test
    void membersArePagedInTheOrderTheyJoined() {
        Campaign c = campaign("Spring");
        for (int i = 0; i < 5; i++) {
            Contact contact = crm.contacts().create(NewContact.named("P", "N" + i));
            crm.campaigns().addMember(c.id(), contact.id());
            t.clock.advance(Duration.ofMinutes(1));
        }

        Page<CampaignMember> first = crm.campaigns().members(c.id(), PageRequest.first(2));
        Page<CampaignMember> last = crm.campaigns().members(c.id(), new PageRequest(4, 2));

        assertThat(first.total()).isEqualTo(5);
        assertThat(first.items()).extracting(CampaignMember::joinedAt).containsExactly(T0, T0.plusSeconds(60));
        assertThat(last.items()).extracting(CampaignMember::joinedAt).containsExactly(T0.plusSeconds(240));
        assertThat(last.hasNext()).isFalse();
    }

    @Test
    void anotherTenantSeesNoneOfTheCampaignsOrMembers() {
        Campaign c = campaign("Spring");
        crm.campaigns().recordResponse(c.id(), ada.id(), CampaignMemberStatus.CLICKED, null);
        Crm other = t.tenant("b");

        assertThat(other.campaigns().find(c.id())).isEmpty();
        assertThat(other.campaigns().members(c.id(), PageRequest.first(10)).total()).isZero();
        assertThat(other.campaigns().attribution(ada.id()).firstTouch()).isEmpty();
        assertThat(other.campaigns().firstTouchedBy(c.id())).isEmpty();
        assertThat(other.campaigns().byChannel(CampaignChannel.EMAIL)).isEmpty();
        assertThatThrownBy(() -> other.campaigns().addMember(c.id(), ada.id())).isInstanceOf(CrmNotFoundException.class);
        assertThat(crm.campaigns().attribution(ada.id()).firstTouch()).isPresent();
    }
}
