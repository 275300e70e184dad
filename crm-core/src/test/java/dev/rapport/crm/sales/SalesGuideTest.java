package dev.rapport.crm.sales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.rapport.crm.Crm;
import dev.rapport.crm.lifecycle.LifecycleStage;
import dev.rapport.crm.party.Account;
import dev.rapport.crm.party.Contact;
import dev.rapport.crm.party.ContactRole;
import dev.rapport.crm.party.ContactRoleType;
import dev.rapport.crm.party.NewAccount;
import dev.rapport.crm.party.NewContact;
import dev.rapport.crm.revenue.Money;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The samples of docs/sales.md: the guide must contain each tagged region, and each region runs. */
class SalesGuideTest {
    private static final Path GUIDE = Path.of("").toAbsolutePath().getParent().resolve("docs/sales.md");
    private static final Path SELF = Path.of("src/test/java/dev/rapport/crm/sales/SalesGuideTest.java");

    private final Crm crm = new SalesFixture().crm;

    @Test
    void theGuideShowsTheCodeOfThisTest() throws IOException {
        String guide = Files.readString(GUIDE, StandardCharsets.UTF_8);
        String self = Files.readString(SELF, StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("// tag::(\\w+)\\[\\]\\n(.*?)\\n\\s*// end::\\1\\[\\]", Pattern.DOTALL).matcher(self);
        int regions = 0;
        while (m.find()) {
            assertThat(guide).as("docs/sales.md shows region %s", m.group(1)).contains(dedent(m.group(2)));
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
    void aDealFromCreationToWin() {
        Account acme = crm.accounts().create(NewAccount.named("Acme GmbH"));
        Contact ada = crm.contacts().create(NewContact.named("Ada", "Lovelace").account(acme.id()));
        // tag::lifecycle[]
        Opportunity deal = crm.opportunities().create(NewOpportunity.named("Fleet rollout")
                .account(acme.id())
                .closeDate(LocalDate.of(2026, 12, 15))
                .contactRole(ContactRole.primary(ada.id(), ContactRoleType.DECISION_MAKER))
                .lineItem(LineItem.of(ProductId.of("van-lease"), 12, Money.of("10000.00", "EUR"))
                        .withDiscount(new BigDecimal("5"))));
        // deal.amount() is 114000.00 EUR; ada is now at LifecycleStage.OPPORTUNITY
        crm.opportunities().moveToStage(deal.id(), "proposal");
        Opportunity won = crm.opportunities().closeWon(deal.id(), "best total cost");
        // won.stageHistory(): prospecting -> proposal -> closed-won; ada is now a CUSTOMER
        // end::lifecycle[]
        assertThat(deal.amount()).isEqualTo(Money.of("114000.00", "EUR"));
        assertThat(won.stageHistory()).extracting(StageChange::to)
                .containsExactly("prospecting", "proposal", "closed-won");
        assertThat(crm.contacts().get(ada.id()).lifecycleStage()).isEqualTo(LifecycleStage.CUSTOMER);
    }

    @Test
    void aPipelineWithRequirements() {
        // tag::pipeline[]
        Pipeline renewals = crm.pipelines().create(NewPipeline.named("Renewals")
                .stage(Stage.open("upcoming", "Upcoming", new BigDecimal("0.5"), ForecastCategory.PIPELINE))
                .stage(Stage.open("quoted", "Quoted", new BigDecimal("0.8"), ForecastCategory.COMMIT)
                        .requiring(StageRequirement.amountRequired())
                        .requiring(StageRequirement.closeDateRequired()))
                .stage(Stage.won("renewed", "Renewed"))
                .stage(Stage.lost("churned", "Churned")));
        Opportunity renewal = crm.opportunities().create(NewOpportunity.named("Acme renewal")
                .pipeline(renewals.id()));
        try {
            crm.opportunities().moveToStage(renewal.id(), "quoted");
        } catch (StageRequirementsNotMetException e) {
            // e.field() is "stage"; e.unmet() lists both: amount and closeDate
        }
        // end::pipeline[]
        StageRequirementsNotMetException e = catchThrowableOfType(StageRequirementsNotMetException.class,
                () -> crm.opportunities().moveToStage(renewal.id(), "quoted"));
        assertThat(e.unmet()).extracting(RequirementResult.Unmet::requirement).containsExactly("amount", "closeDate");
    }

    @Test
    void lostAndReopened() {
        Opportunity deal = crm.opportunities().create(NewOpportunity.named("Pilot").amount(Money.of("5000", "EUR")));
        // tag::lost[]
        crm.opportunities().closeLost(deal.id(), "no budget this year");
        Opportunity again = crm.opportunities().reopen(deal.id(), "qualification");
        // again.status() is OPEN; the history keeps the loss: prospecting -> closed-lost -> qualification
        // end::lost[]
        assertThat(again.status()).isEqualTo(OpportunityStatus.OPEN);
        assertThat(again.stageHistory()).extracting(StageChange::to)
                .containsExactly("prospecting", "closed-lost", "qualification");
    }
}
