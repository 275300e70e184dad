package dev.rapport.crm.marketing;

import static dev.rapport.crm.activity.TestCrm.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.crm.Crm;
import dev.rapport.crm.activity.TestCrm;
import dev.rapport.crm.lead.LeadId;
import dev.rapport.crm.party.Contact;
import dev.rapport.crm.revenue.Money;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AttributionTest {
    private TestCrm t;
    private Crm crm;
    private Contact ada;

    @BeforeEach
    void setUp() {
        t = new TestCrm();
        crm = t.crm;
        ada = t.contact();
    }

    private Campaign campaign(String name) {
        return crm.campaigns().create(NewCampaign.named(name, CampaignChannel.EMAIL).budget(Money.of("0", "EUR")));
    }

    private static Instant hoursAgo(long hours) {
        return T0.minus(Duration.ofHours(hours));
    }

    @Test
    void theFirstTouchIsTheEarliestAndTheLastTouchTheLatestWhateverTheRecordingOrder() {
        Campaign webinar = campaign("Webinar");
        Campaign ads = campaign("Ads");
        Campaign mail = campaign("Mail");
        crm.campaigns().touch(ads.id(), ada.id(), hoursAgo(5));
        crm.campaigns().recordResponse(webinar.id(), ada.id(), CampaignMemberStatus.ATTENDED, hoursAgo(1));
        crm.campaigns().recordResponse(mail.id(), ada.id(), CampaignMemberStatus.OPENED, hoursAgo(9));

        Attribution a = crm.campaigns().attribution(ada.id());

        assertThat(a.firstTouch()).contains(new Touch(mail.id(), hoursAgo(9)));
        assertThat(a.lastTouch()).contains(new Touch(webinar.id(), hoursAgo(1)));
    }

    @Test
    void beingAddedToACampaignIsNotATouch() {
        Campaign c = campaign("Mail");
        crm.campaigns().addMember(c.id(), ada.id());

        Attribution a = crm.campaigns().attribution(ada.id());

        assertThat(a.firstTouch()).isEmpty();
        assertThat(a.lastTouch()).isEmpty();
        assertThat(crm.campaigns().firstTouchedBy(c.id())).isEmpty();
    }

    @Test
    void touchesAtTheSameInstantGoToTheCampaignWithTheSmallerIdForFirstAndLastTouch() {
        Campaign one = campaign("One");
        Campaign two = campaign("Two");
        Campaign smaller = one.id().value().compareTo(two.id().value()) < 0 ? one : two;
        Campaign larger = smaller == one ? two : one;
        crm.campaigns().touch(larger.id(), ada.id(), hoursAgo(3));
        crm.campaigns().touch(smaller.id(), ada.id(), hoursAgo(3));

        Attribution a = crm.campaigns().attribution(ada.id());

        assertThat(a.firstTouch()).contains(new Touch(smaller.id(), hoursAgo(3)));
        assertThat(a.lastTouch()).contains(new Touch(smaller.id(), hoursAgo(3)));
        assertThat(crm.campaigns().firstTouchedBy(smaller.id())).containsExactly(ada.id());
        assertThat(crm.campaigns().firstTouchedBy(larger.id())).isEmpty();
    }

    @Test
    void eachCampaignListsTheMembersItTouchedFirstAndLast() {
        Campaign early = campaign("Early");
        Campaign late = campaign("Late");
        LeadId lead = t.lead();
        crm.campaigns().touch(early.id(), ada.id(), hoursAgo(10));
        crm.campaigns().touch(late.id(), ada.id(), hoursAgo(2));
        crm.campaigns().touch(late.id(), lead, hoursAgo(4));

        assertThat(crm.campaigns().firstTouchedBy(early.id())).containsExactly(ada.id());
        assertThat(crm.campaigns().lastTouchedBy(early.id())).isEmpty();
        assertThat(crm.campaigns().firstTouchedBy(late.id())).containsExactly(lead);
        assertThat(crm.campaigns().lastTouchedBy(late.id())).containsExactlyInAnyOrder(ada.id(), lead);
        assertThat(crm.campaigns().attribution(lead).firstTouch()).contains(new Touch(late.id(), hoursAgo(4)));
    }
}
