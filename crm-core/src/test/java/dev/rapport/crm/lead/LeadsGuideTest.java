package dev.rapport.crm.lead;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.crm.Crm;
import dev.rapport.crm.TestClock;
import dev.rapport.crm.lifecycle.LifecycleStage;
import dev.rapport.crm.party.Account;
import dev.rapport.crm.party.Contact;
import dev.rapport.crm.party.NewAccount;
import dev.rapport.crm.party.NewContact;
import dev.rapport.crm.revenue.Money;
import dev.rapport.crm.spi.IdGenerator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The samples of docs/leads.md: the guide must contain each tagged region, and each region runs. */
class LeadsGuideTest {
    private static final Path GUIDE = Path.of("").toAbsolutePath().getParent().resolve("docs/leads.md");
    private static final Path SELF = Path.of("src/test/java/dev/rapport/crm/lead/LeadsGuideTest.java");

    private final Crm crm = Crm.builder().clock(TestClock.at("2026-03-01T09:00:00Z"))
            .idGenerator(IdGenerator.sequential("g")).build();

    @Test
    void theGuideShowsTheCodeOfThisTest() throws IOException {
        String guide = Files.readString(GUIDE, StandardCharsets.UTF_8);
        String self = Files.readString(SELF, StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("// tag::(\\w+)\\[\\]\\n(.*?)\\n\\s*// end::\\1\\[\\]", Pattern.DOTALL)
                .matcher(self);
        int regions = 0;
        while (m.find()) {
            assertThat(guide).as("docs/leads.md shows region %s", m.group(1)).contains(dedent(m.group(2)));
            regions++;
        }
        assertThat(regions).isEqualTo(3);
    }

    private static String dedent(String block) {
        int indent = block.lines().filter(l -> !l.isBlank())
                .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
        StringBuilder out = new StringBuilder();
        block.lines().forEach(l -> out.append(l.isBlank() ? "" : l.substring(indent)).append('\n'));
        return out.toString().strip();
    }

    @Test
    void captureAndWork() {
        // tag::work[]
        Lead lead = crm.leads().capture(NewLead.from(LeadSource.WEB_FORM)
                .email("grace@fleet.example")
                .name("Grace", "Hopper")
                .company("Fleet Ltd")
                .country("gb"));
        crm.leads().startWorking(lead.id());
        crm.leads().addScore(lead.id(), 40);
        crm.leads().addScore(lead.id(), -100);            // the score stops at 0
        crm.leads().disqualify(lead.id(), "no budget");
        crm.leads().reopen(lead.id());                    // back to WORKING
        Lead qualified = crm.leads().qualify(lead.id(), Qualification.bant(true, true, true, false)
                .withNote("Budget approved for Q3"));
        // qualified.status() is QUALIFIED, qualified.score() is 0, qualified.country() is "GB"
        // end::work[]
        assertThat(qualified.status()).isEqualTo(LeadStatus.QUALIFIED);
        assertThat(qualified.score()).isZero();
        assertThat(qualified.country()).isEqualTo("GB");
    }

    @Test
    void conversionReusesWhatExists() {
        // tag::reuse[]
        Account fleet = crm.accounts().create(NewAccount.named("Fleet Limited").domain("fleet.example"));
        Contact grace = crm.contacts().create(NewContact.named("Grace", "Hopper").email("grace@fleet.example"));
        Lead lead = crm.leads().capture(NewLead.from(LeadSource.EVENT)
                .email(" Grace@FLEET.example ").company("Fleet Ltd"));

        Conversion c = crm.leads().convert(lead.id(), ConvertLead.plain());
        // c.contactId() is grace's id and c.accountId() is fleet's: newContact() and newAccount() are false;
        // grace now works for fleet and is at least SALES_QUALIFIED
        // end::reuse[]
        assertThat(c.contactId()).isEqualTo(grace.id());
        assertThat(c.accountId()).isEqualTo(fleet.id());
        assertThat(c.newContact()).isFalse();
        assertThat(c.newAccount()).isFalse();
        Contact after = crm.contacts().get(grace.id());
        assertThat(after.accountId()).isEqualTo(fleet.id());
        assertThat(after.lifecycleStage()).isEqualTo(LifecycleStage.SALES_QUALIFIED);
    }

    @Test
    void conversionWithAnOpportunity() {
        // tag::opportunity[]
        Lead lead = crm.leads().capture(NewLead.from(LeadSource.WEB_FORM)
                .email("grace@fleet.example").company("Fleet Ltd"));
        Conversion c = crm.leads().convert(lead.id(), ConvertLead.withOpportunity("Fleet rollout",
                Money.of("120000.00", "EUR")));
        crm.opportunities().moveToStage(c.opportunityId(), "proposal");
        // a new contact and a new account "Fleet Ltd" (domain fleet.example); the contact is the
        // deal's primary contact and is now at LifecycleStage.OPPORTUNITY
        // end::opportunity[]
        assertThat(c.newContact()).isTrue();
        assertThat(crm.accounts().get(c.accountId()).domain()).isEqualTo("fleet.example");
        assertThat(crm.opportunities().get(c.opportunityId()).stage()).isEqualTo("proposal");
        assertThat(crm.contacts().get(c.contactId()).lifecycleStage()).isEqualTo(LifecycleStage.OPPORTUNITY);
    }
}
