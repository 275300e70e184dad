package dev.rapport.crm.sales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.crm.CrmValidationException;
import dev.rapport.crm.event.LifecycleChanged;
import dev.rapport.crm.event.OpportunityCreated;
import dev.rapport.crm.lifecycle.LifecycleStage;
import dev.rapport.crm.party.Contact;
import dev.rapport.crm.party.ContactId;
import dev.rapport.crm.party.ContactRole;
import dev.rapport.crm.party.ContactRoleType;
import dev.rapport.crm.party.NewContact;
import org.junit.jupiter.api.Test;

class LifecycleAdvanceTest {
    private final SalesFixture f = new SalesFixture();
    private final OpportunityService opportunities = f.crm.opportunities();

    private LifecycleStage stageOf(Contact c) {
        return f.crm.contacts().get(c.id()).lifecycleStage();
    }

    private Contact contactAt(String name, LifecycleStage stage) {
        return f.crm.contacts().create(NewContact.named(name, "Tester").lifecycleStage(stage));
    }

    @Test
    void contactsWithARoleOnANewOpportunityBecomeOpportunities() {
        Contact ada = f.contact("Ada");
        Contact bob = contactAt("Bob", LifecycleStage.SUBSCRIBER);
        f.clearEvents();
        opportunities.create(NewOpportunity.named("X")
                .contactRole(ContactRole.primary(ada.id(), ContactRoleType.DECISION_MAKER))
                .contactRole(ContactRole.of(bob.id(), ContactRoleType.INFLUENCER)));

        assertThat(stageOf(ada)).isEqualTo(LifecycleStage.OPPORTUNITY);
        assertThat(stageOf(bob)).isEqualTo(LifecycleStage.OPPORTUNITY);
        assertThat(f.events.get(0)).isInstanceOf(OpportunityCreated.class);
        assertThat(f.events(LifecycleChanged.class)).hasSize(2)
                .allSatisfy(e -> assertThat(e.to()).isEqualTo(LifecycleStage.OPPORTUNITY));
    }

    @Test
    void aContactGivenARoleLaterBecomesAnOpportunity() {
        Contact ada = f.contact("Ada");
        Opportunity deal = opportunities.create(NewOpportunity.named("X"));
        assertThat(stageOf(ada)).isEqualTo(LifecycleStage.LEAD);

        opportunities.setContactRole(deal.id(), ContactRole.of(ada.id(), ContactRoleType.CHAMPION));

        assertThat(stageOf(ada)).isEqualTo(LifecycleStage.OPPORTUNITY);
    }

    @Test
    void aContactAddedThroughUpdateBecomesAnOpportunity() {
        Contact ada = f.contact("Ada");
        Opportunity deal = opportunities.create(NewOpportunity.named("X"));
        opportunities.update(deal.withContactRole(ContactRole.of(ada.id(), ContactRoleType.CHAMPION)));
        assertThat(stageOf(ada)).isEqualTo(LifecycleStage.OPPORTUNITY);
    }

    @Test
    void winningMakesEveryRoleContactACustomer() {
        Contact ada = f.contact("Ada");
        Contact bob = f.contact("Bob");
        Opportunity deal = opportunities.create(NewOpportunity.named("X")
                .contactRole(ContactRole.primary(ada.id(), ContactRoleType.DECISION_MAKER))
                .contactRole(ContactRole.of(bob.id(), ContactRoleType.END_USER)));

        opportunities.closeWon(deal.id(), null);

        assertThat(stageOf(ada)).isEqualTo(LifecycleStage.CUSTOMER);
        assertThat(stageOf(bob)).isEqualTo(LifecycleStage.CUSTOMER);
    }

    @Test
    void winningByMovingIntoTheWonStageAlsoMakesCustomers() {
        Contact ada = f.contact("Ada");
        Opportunity deal = opportunities.create(NewOpportunity.named("X")
                .contactRole(ContactRole.primary(ada.id(), ContactRoleType.DECISION_MAKER)));
        opportunities.moveToStage(deal.id(), "closed-won");
        assertThat(stageOf(ada)).isEqualTo(LifecycleStage.CUSTOMER);
    }

    @Test
    void aRoleAddedToAWonOpportunityMakesACustomer() {
        Contact ada = f.contact("Ada");
        Opportunity deal = opportunities.create(NewOpportunity.named("X"));
        opportunities.closeWon(deal.id(), null);
        opportunities.setContactRole(deal.id(), ContactRole.of(ada.id(), ContactRoleType.END_USER));
        assertThat(stageOf(ada)).isEqualTo(LifecycleStage.CUSTOMER);
    }

    @Test
    void losingPromotesNobodyFurther() {
        Contact ada = f.contact("Ada");
        Opportunity deal = opportunities.create(NewOpportunity.named("X")
                .contactRole(ContactRole.primary(ada.id(), ContactRoleType.DECISION_MAKER)));
        opportunities.closeLost(deal.id(), "budget");
        assertThat(stageOf(ada)).isEqualTo(LifecycleStage.OPPORTUNITY);
        Contact bob = f.contact("Bob");
        opportunities.setContactRole(deal.id(), ContactRole.of(bob.id(), ContactRoleType.INFLUENCER));
        assertThat(stageOf(bob)).isEqualTo(LifecycleStage.LEAD);
    }

    @Test
    void nobodyIsMovedBackwards() {
        Contact evangelist = contactAt("Eve", LifecycleStage.EVANGELIST);
        Contact customer = contactAt("Cus", LifecycleStage.CUSTOMER);
        Opportunity deal = opportunities.create(NewOpportunity.named("X")
                .contactRole(ContactRole.primary(evangelist.id(), ContactRoleType.CHAMPION))
                .contactRole(ContactRole.of(customer.id(), ContactRoleType.END_USER)));
        assertThat(stageOf(evangelist)).isEqualTo(LifecycleStage.EVANGELIST);
        assertThat(stageOf(customer)).isEqualTo(LifecycleStage.CUSTOMER);

        opportunities.closeWon(deal.id(), null);
        assertThat(stageOf(evangelist)).isEqualTo(LifecycleStage.EVANGELIST);
        opportunities.reopen(deal.id(), "proposal");
        assertThat(stageOf(customer)).isEqualTo(LifecycleStage.CUSTOMER);
        assertThat(f.crm.contacts().get(customer.id()).lifecycleHistory()).hasSize(1);
    }

    @Test
    void aFailedCommandPromotesNobody() {
        Contact ada = f.contact("Ada");
        f.crm.pipelines().defaultPipeline();
        f.clearEvents();
        assertThatThrownBy(() -> opportunities.create(NewOpportunity.named("X")
                .contactRole(ContactRole.primary(ada.id(), ContactRoleType.DECISION_MAKER))
                .contactRole(ContactRole.of(ContactId.of("missing"), ContactRoleType.INFLUENCER))))
                .isInstanceOf(CrmValidationException.class);
        assertThat(stageOf(ada)).isEqualTo(LifecycleStage.LEAD);
        assertThat(opportunities.count()).isZero();
        assertThat(f.events).isEmpty();
    }

    @Test
    void aRefusedWinPromotesNobody() {
        Contact ada = f.contact("Ada");
        Pipeline strict = f.crm.pipelines().create(NewPipeline.named("Strict")
                .stage(Stage.open("open", "Open", new java.math.BigDecimal("0.5"), ForecastCategory.PIPELINE))
                .stage(Stage.won("won", "Won").requiring(StageRequirement.amountRequired()))
                .stage(Stage.lost("lost", "Lost")));
        Opportunity deal = opportunities.create(NewOpportunity.named("X").pipeline(strict.id())
                .contactRole(ContactRole.primary(ada.id(), ContactRoleType.DECISION_MAKER)));
        assertThatThrownBy(() -> opportunities.closeWon(deal.id(), null))
                .isInstanceOf(StageRequirementsNotMetException.class);
        assertThat(stageOf(ada)).isEqualTo(LifecycleStage.OPPORTUNITY);
    }
}
