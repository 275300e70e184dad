package dev.rapport.crm.lead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.crm.Crm;
import dev.rapport.crm.CrmValidationException;
import dev.rapport.crm.PageRequest;
import dev.rapport.crm.TestClock;
import dev.rapport.crm.directory.InMemoryDirectory;
import dev.rapport.crm.directory.User;
import dev.rapport.crm.directory.UserId;
import dev.rapport.crm.event.CrmEvent;
import dev.rapport.crm.event.LeadConverted;
import dev.rapport.crm.event.OpportunityCreated;
import dev.rapport.crm.lifecycle.LifecycleStage;
import dev.rapport.crm.party.Account;
import dev.rapport.crm.party.Contact;
import dev.rapport.crm.party.ContactRole;
import dev.rapport.crm.party.ContactRoleType;
import dev.rapport.crm.party.NewAccount;
import dev.rapport.crm.revenue.Money;
import dev.rapport.crm.sales.ForecastCategory;
import dev.rapport.crm.sales.NewPipeline;
import dev.rapport.crm.sales.Opportunity;
import dev.rapport.crm.sales.Stage;
import dev.rapport.crm.sales.StageRequirement;
import dev.rapport.crm.sales.StageRequirementsNotMetException;
import dev.rapport.crm.spi.IdGenerator;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class LeadConversionOpportunityTest {
    private static final UserId ALICE = UserId.of("alice");
    private static final Money AMOUNT = Money.of("120000.00", "EUR");

    private final TestClock clock = TestClock.at("2026-03-01T09:00:00Z");
    private final Crm crm = Crm.builder().clock(clock).directory(new InMemoryDirectory().addUser(User.of(ALICE)))
            .idGenerator(IdGenerator.sequential("t")).build();
    private final List<CrmEvent> events = new ArrayList<>();

    {
        crm.events().subscribe(events::add);
    }

    private Lead grace() {
        return crm.leads().capture(NewLead.from(LeadSource.WEB_FORM).email("grace@fleet.example")
                .company("Fleet Ltd").owner(ALICE));
    }

    private record Snapshot(List<Contact> contacts, List<Account> accounts, List<Lead> leads,
            List<Opportunity> opportunities) {
    }

    private Snapshot snapshot() {
        return new Snapshot(crm.contacts().list(PageRequest.first(100)).items(),
                crm.accounts().list(PageRequest.first(100)).items(),
                crm.leads().list(PageRequest.first(100)).items(),
                crm.opportunities().list(PageRequest.first(100)).items());
    }

    private static void refused(ThrowingCallable call, String field) {
        assertThatThrownBy(call).isInstanceOfSatisfying(CrmValidationException.class,
                e -> assertThat(e.field()).isEqualTo(field));
    }

    @Test
    void theQuickstartConvertsALeadWithAnOpportunityAndMovesItToProposal() {
        Lead lead = crm.leads().capture(NewLead.from(LeadSource.WEB_FORM)
                .email("grace@fleet.example").company("Fleet Ltd"));
        Conversion c = crm.leads().convert(lead.id(), ConvertLead.withOpportunity("Fleet rollout",
                Money.of("120000.00", "EUR")));
        crm.opportunities().moveToStage(c.opportunityId(), "proposal");

        assertThat(crm.opportunities().get(c.opportunityId()).stage()).isEqualTo("proposal");
    }

    @Test
    void theOpportunityIsOpenedForTheAccountWithTheContactAsPrimaryContact() {
        Lead lead = grace();

        Conversion c = crm.leads().convert(lead.id(), ConvertLead.withOpportunity("Fleet rollout", AMOUNT));

        Opportunity deal = crm.opportunities().get(c.opportunityId());
        assertThat(deal.name()).isEqualTo("Fleet rollout");
        assertThat(deal.amount()).isEqualTo(AMOUNT);
        assertThat(deal.accountId()).isEqualTo(c.accountId()).isNotNull();
        assertThat(deal.ownerId()).isEqualTo(ALICE);
        assertThat(deal.source()).isEqualTo(LeadSource.WEB_FORM);
        assertThat(deal.contactRoles().primary())
                .contains(ContactRole.primary(c.contactId(), ConvertLead.DEFAULT_OPPORTUNITY_ROLE));
        assertThat(crm.leads().get(lead.id()).conversion().opportunityId()).isEqualTo(c.opportunityId());
        assertThat(crm.opportunities().count()).isEqualTo(1);
    }

    @Test
    void theContactMovesOnToTheOpportunityStage() {
        Conversion c = crm.leads().convert(grace().id(), ConvertLead.withOpportunity("Fleet rollout", AMOUNT));

        assertThat(crm.contacts().get(c.contactId()).lifecycleStage()).isEqualTo(LifecycleStage.OPPORTUNITY);
    }

    @Test
    void theContactsRoleOnTheOpportunityCanBeChosen() {
        Conversion c = crm.leads().convert(grace().id(), ConvertLead.withOpportunity("Fleet rollout", AMOUNT)
                .opportunityRole(ContactRoleType.CHAMPION));

        assertThat(crm.opportunities().get(c.opportunityId()).contactRoles().primary())
                .contains(ContactRole.primary(c.contactId(), ContactRoleType.CHAMPION));
    }

    @Test
    void leadConvertedNamesTheOpportunityAndComesLast() {
        Lead lead = grace();
        events.clear();

        Conversion c = crm.leads().convert(lead.id(), ConvertLead.withOpportunity("Fleet rollout", AMOUNT));

        assertThat(events).filteredOn(OpportunityCreated.class::isInstance).singleElement()
                .isInstanceOfSatisfying(OpportunityCreated.class, e -> {
                    assertThat(e.opportunityId()).isEqualTo(c.opportunityId());
                    assertThat(e.accountId()).isEqualTo(c.accountId());
                });
        assertThat(events.get(events.size() - 1)).isInstanceOfSatisfying(LeadConverted.class,
                e -> assertThat(e.opportunityId()).isEqualTo(c.opportunityId()));
    }

    @Test
    void aPlainConversionOpensNoOpportunity() {
        Conversion c = crm.leads().convert(grace().id(), ConvertLead.plain());

        assertThat(c.opportunityId()).isNull();
        assertThat(crm.opportunities().count()).isZero();
    }

    @Test
    void aPersonWithoutCompanyGetsAnOpportunityWithoutAccount() {
        Lead lead = crm.leads().capture(NewLead.from(LeadSource.WEBSITE).email("grace@gmail.com")
                .name("Grace", "Hopper"));

        Conversion c = crm.leads().convert(lead.id(), ConvertLead.withOpportunity("Personal licence",
                Money.of("99.00", "EUR")));

        assertThat(c.accountId()).isNull();
        assertThat(crm.opportunities().get(c.opportunityId()).accountId()).isNull();
    }

    @Test
    void anOpportunityThatMissesItsStageRequirementsRollsBackTheWholeConversion() {
        crm.pipelines().create(NewPipeline.named("Strict")
                .stage(Stage.open("dated", "Dated", new BigDecimal("0.30"), ForecastCategory.PIPELINE)
                        .requiring(StageRequirement.closeDateRequired()))
                .stage(Stage.won("won", "Won"))
                .stage(Stage.lost("lost", "Lost"))
                .asDefault());
        Lead lead = grace();
        Snapshot before = snapshot();
        events.clear();

        assertThatThrownBy(() -> crm.leads().convert(lead.id(), ConvertLead.withOpportunity("Fleet", AMOUNT)))
                .isInstanceOf(StageRequirementsNotMetException.class);

        assertThat(snapshot()).isEqualTo(before);
        assertThat(crm.contacts().count()).isZero();
        assertThat(crm.accounts().count()).isZero();
        assertThat(crm.leads().get(lead.id()).status()).isEqualTo(LeadStatus.NEW);
        assertThat(events).isEmpty();
    }

    @Test
    void theOpportunityOptionsAreCheckedAsTheyAreGiven() {
        refused(() -> ConvertLead.withOpportunity(" ", AMOUNT), "opportunityName");
        refused(() -> ConvertLead.withOpportunity("Deal", null), "opportunityAmount");
        refused(() -> ConvertLead.withOpportunity("Deal", Money.of("-1.00", "EUR")), "opportunityAmount");
        refused(() -> ConvertLead.plain().opportunityRole(ContactRoleType.CHAMPION), "opportunityRole");
        refused(() -> ConvertLead.withOpportunity("Deal", AMOUNT).opportunityRole(null), "opportunityRole");
    }

    @Test
    void forcedTargetsAndAnOpportunityCombine() {
        Account other = crm.accounts().create(NewAccount.named("Other"));

        Conversion c = crm.leads().convert(grace().id(),
                ConvertLead.withOpportunity("Fleet", AMOUNT).intoAccount(other.id()));

        assertThat(c.accountId()).isEqualTo(other.id());
        assertThat(crm.opportunities().get(c.opportunityId()).accountId()).isEqualTo(other.id());
    }
}
