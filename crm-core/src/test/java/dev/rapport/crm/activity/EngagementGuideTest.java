package dev.rapport.crm.activity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.crm.Crm;
import dev.rapport.crm.Page;
import dev.rapport.crm.PageRequest;
import dev.rapport.crm.directory.UserId;
import dev.rapport.crm.marketing.Attribution;
import dev.rapport.crm.marketing.Campaign;
import dev.rapport.crm.marketing.CampaignChannel;
import dev.rapport.crm.marketing.CampaignMemberStatus;
import dev.rapport.crm.marketing.NewCampaign;
import dev.rapport.crm.party.Account;
import dev.rapport.crm.party.Contact;
import dev.rapport.crm.revenue.Money;
import dev.rapport.crm.service.NewTicket;
import dev.rapport.crm.service.SlaOutcome;
import dev.rapport.crm.service.SlaResult;
import dev.rapport.crm.service.Ticket;
import dev.rapport.crm.service.TicketPriority;
import dev.rapport.crm.service.TicketStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The samples of docs/engagement.md: the guide must contain each tagged region, and each region runs. */
class EngagementGuideTest {
    private static final Path GUIDE = Path.of("").toAbsolutePath().getParent().resolve("docs/engagement.md");
    private static final Path SELF = Path.of("src/test/java/dev/rapport/crm/activity/EngagementGuideTest.java");

    private final TestCrm fixture = new TestCrm();
    private final Crm crm = fixture.crm;
    private final Contact ada = fixture.contact();
    private final Account acme = fixture.account();
    private final UserId bob = TestCrm.BOB;

    @Test
    void theGuideShowsTheCodeOfThisTest() throws IOException {
        String guide = Files.readString(GUIDE, StandardCharsets.UTF_8);
        String self = Files.readString(SELF, StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("// tag::(\\w+)\\[\\]\\n(.*?)\\n\\s*// end::\\1\\[\\]", Pattern.DOTALL)
                .matcher(self);
        int regions = 0;
        while (m.find()) {
            assertThat(guide).as("docs/engagement.md shows region %s", m.group(1)).contains(dedent(m.group(2)));
            regions++;
        }
        assertThat(regions).isEqualTo(4);
    }

    private static String dedent(String block) {
        int indent = block.lines().filter(l -> !l.isBlank())
                .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
        StringBuilder out = new StringBuilder();
        block.lines().forEach(l -> out.append(l.isBlank() ? "" : l.substring(indent)).append('\n'));
        return out.toString().strip();
    }

    @Test
    void timeline() {
        // tag::timeline[]
        Activity call = crm.activities().log(NewActivity.of(ActivityType.CALL, Channel.PHONE)
                .contact(ada.id())
                .account(acme.id())
                .subject("Renewal")
                .duration(Duration.ofMinutes(12)));

        Page<Activity> latest = crm.activities().timeline(ada.id(), PageRequest.first(20));
        // end::timeline[]
        assertThat(latest.items()).containsExactly(call);
        assertThat(crm.activities().timeline(acme.id(), PageRequest.first(20)).items()).containsExactly(call);
    }

    @Test
    void tasks() {
        // tag::tasks[]
        Task t = crm.tasks().create(NewTask.titled("Send the quote")
                .assignee(bob).dueOn(LocalDate.of(2026, 3, 31)).contact(ada.id()));
        crm.tasks().complete(t.id());
        // end::tasks[]
        assertThat(crm.tasks().get(t.id()).status()).isEqualTo(TaskStatus.DONE);
    }

    @Test
    void tickets() {
        // tag::tickets[]
        Ticket t = crm.tickets().open(NewTicket.about(ada.id(), "Cannot log in")
                .priority(TicketPriority.HIGH));
        crm.tickets().respond(t.id());     // NEW -> OPEN, first response recorded
        crm.tickets().resolve(t.id());
        SlaResult sla = crm.tickets().sla(t.id());
        // end::tickets[]
        assertThat(crm.tickets().get(t.id()).status()).isEqualTo(TicketStatus.RESOLVED);
        assertThat(sla.firstResponse()).isEqualTo(SlaOutcome.MET);
        assertThat(sla.resolution()).isEqualTo(SlaOutcome.MET);
    }

    @Test
    void campaigns() {
        // tag::campaigns[]
        Campaign webinar = crm.campaigns().create(NewCampaign.named("Q2 webinar", CampaignChannel.WEBINAR)
                .period(LocalDate.of(2026, 4, 1), LocalDate.of(2026, 4, 30))
                .budget(Money.of("800.00", "EUR")));
        crm.campaigns().addMember(webinar.id(), ada.id());
        crm.campaigns().recordResponse(webinar.id(), ada.id(), CampaignMemberStatus.ATTENDED, null);
        crm.campaigns().recordCost(webinar.id(), Money.of("350.00", "EUR"));
        Attribution a = crm.campaigns().attribution(ada.id());
        // end::campaigns[]
        assertThat(a.firstTouch()).hasValueSatisfying(touch -> assertThat(touch.campaignId()).isEqualTo(webinar.id()));
        assertThat(crm.campaigns().get(webinar.id()).actualCost()).isEqualTo(Money.of("350.00", "EUR"));
    }
}
