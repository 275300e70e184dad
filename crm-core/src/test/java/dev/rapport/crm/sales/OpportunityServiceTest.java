package dev.rapport.crm.sales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.rapport.crm.Actor;
import dev.rapport.crm.CrmConflictException;
import dev.rapport.crm.CrmNotFoundException;
import dev.rapport.crm.CrmValidationException;
import dev.rapport.crm.PageRequest;
import dev.rapport.crm.event.OpportunityCreated;
import dev.rapport.crm.event.OpportunityLost;
import dev.rapport.crm.event.OpportunityReopened;
import dev.rapport.crm.event.OpportunityUpdated;
import dev.rapport.crm.event.OpportunityWon;
import dev.rapport.crm.event.StageChanged;
import dev.rapport.crm.lead.LeadSource;
import dev.rapport.crm.party.Account;
import dev.rapport.crm.party.AccountId;
import dev.rapport.crm.party.Contact;
import dev.rapport.crm.party.ContactId;
import dev.rapport.crm.party.ContactRole;
import dev.rapport.crm.party.ContactRoleType;
import dev.rapport.crm.revenue.Money;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class OpportunityServiceTest {
    private final SalesFixture f = new SalesFixture();
    private final OpportunityService opportunities = f.crm.opportunities();

    private static Stage open(String key) {
        return Stage.open(key, key, new BigDecimal("0.5"), ForecastCategory.PIPELINE);
    }

    /** discovery (no requirements), proposal (amount, close date, primary contact), won (line items), two lost stages. */
    private Pipeline strictPipeline() {
        return f.crm.pipelines().create(NewPipeline.named("Strict")
                .stage(open("discovery"))
                .stage(open("proposal")
                        .requiring(StageRequirement.amountRequired())
                        .requiring(StageRequirement.closeDateRequired())
                        .requiring(StageRequirement.primaryContactRequired()))
                .stage(Stage.won("won", "Won").requiring(StageRequirement.lineItemsRequired()))
                .stage(Stage.lost("lost-to-competitor", "Lost to competitor"))
                .stage(Stage.lost("no-decision", "No decision")));
    }

    private Opportunity deal() {
        return opportunities.create(NewOpportunity.named("Fleet rollout").amount(Money.of("120000.00", "EUR")));
    }

    /** Asserts that the call is refused naming the field, and that nothing changed and nothing was published. */
    private void refusedWithoutEffect(ThrowingCallable call, String field) {
        List<Opportunity> before = opportunities.list(PageRequest.first(100)).items();
        f.clearEvents();
        CrmValidationException e = catchThrowableOfType(CrmValidationException.class, call);
        assertThat(e).as("a CrmValidationException").isNotNull();
        assertThat(e.field()).isEqualTo(field);
        assertThat(opportunities.list(PageRequest.first(100)).items()).isEqualTo(before);
        assertThat(f.events).isEmpty();
    }

    private static ContactRole primary(Contact c) {
        return ContactRole.primary(c.id(), ContactRoleType.DECISION_MAKER);
    }

    // ---- creation

    @Test
    void aNewOpportunityStartsInTheFirstOpenStageOfTheDefaultPipeline() {
        Opportunity deal = deal();

        Pipeline standard = f.crm.pipelines().defaultPipeline();
        assertThat(deal.pipelineId()).isEqualTo(standard.id());
        assertThat(deal.stage()).isEqualTo("prospecting");
        assertThat(deal.status()).isEqualTo(OpportunityStatus.OPEN);
        assertThat(deal.version()).isEqualTo(1);
        assertThat(deal.amount()).isEqualTo(Money.of("120000.00", "EUR"));
        assertThat(deal.stageHistory()).containsExactly(new StageChange(null, "prospecting", SalesFixture.NOW, Actor.SYSTEM));
        assertThat(deal.createdAt()).isEqualTo(SalesFixture.NOW);
        assertThat(opportunities.get(deal.id())).isEqualTo(deal);
    }

    @Test
    void creatingAnOpportunityEmitsOpportunityCreated() {
        Account acme = f.account("Acme");
        f.clearEvents();
        Opportunity deal = opportunities.create(NewOpportunity.named("Deal").account(acme.id()).stage("proposal"));

        assertThat(f.events).hasSize(1);
        OpportunityCreated created = f.events(OpportunityCreated.class).get(0);
        assertThat(created.opportunityId()).isEqualTo(deal.id());
        assertThat(created.accountId()).isEqualTo(acme.id());
        assertThat(created.pipelineId()).isEqualTo(PipelineService.STANDARD_PIPELINE_ID);
        assertThat(created.stage()).isEqualTo("proposal");
    }

    @Test
    void anOpportunityCanStartInAChosenPipelineAndStage() {
        Pipeline strict = strictPipeline();
        Opportunity deal = opportunities.create(NewOpportunity.named("Deal").pipeline(strict.id()).stage("discovery")
                .owner(SalesFixture.ALICE).source(LeadSource.REFERRAL).tag("fleet"));

        assertThat(deal.pipelineId()).isEqualTo(strict.id());
        assertThat(deal.stage()).isEqualTo("discovery");
        assertThat(deal.ownerId()).isEqualTo(SalesFixture.ALICE);
        assertThat(deal.source()).isEqualTo(LeadSource.REFERRAL);
        assertThat(deal.tags()).containsExactly("fleet");
    }

    @Test
    void aNegativeAmountIsRefusedNamingAmount() {
        assertThatThrownBy(() -> NewOpportunity.named("X").amount(Money.of("-1.00", "EUR")))
                .isInstanceOf(CrmValidationException.class).extracting("field").isEqualTo("amount");
        Opportunity deal = deal();
        assertThatThrownBy(() -> deal.withAmount(Money.of("-0.01", "EUR")))
                .isInstanceOf(CrmValidationException.class).extracting("field").isEqualTo("amount");
    }

    @Test
    void aCloseDateBeforeTheCreationDateIsRefused() {
        refusedWithoutEffect(() -> opportunities.create(NewOpportunity.named("X")
                .closeDate(SalesFixture.TODAY.minusDays(1))), "closeDate");
        assertThat(opportunities.create(NewOpportunity.named("X").closeDate(SalesFixture.TODAY)).closeDate())
                .isEqualTo(SalesFixture.TODAY);
    }

    @Test
    void anUnknownStageIsRefusedNamingStage() {
        f.crm.pipelines().defaultPipeline();
        refusedWithoutEffect(() -> opportunities.create(NewOpportunity.named("X").stage("nirvana")), "stage");
    }

    @Test
    void anUnknownPipelineIsRefusedNamingPipelineId() {
        refusedWithoutEffect(() -> opportunities.create(NewOpportunity.named("X").pipeline(PipelineId.of("nope"))),
                "pipelineId");
    }

    @Test
    void aNewOpportunityCannotStartInAClosedStage() {
        f.crm.pipelines().defaultPipeline();
        refusedWithoutEffect(() -> opportunities.create(NewOpportunity.named("X").stage("closed-won")), "stage");
    }

    @Test
    void referencesToMissingRecordsAreRefused() {
        f.crm.pipelines().defaultPipeline();
        refusedWithoutEffect(() -> opportunities.create(NewOpportunity.named("X").account(AccountId.of("nope"))),
                "accountId");
        refusedWithoutEffect(() -> opportunities.create(NewOpportunity.named("X").owner(
                dev.rapport.crm.directory.UserId.of("stranger"))), "ownerId");
        refusedWithoutEffect(() -> opportunities.create(NewOpportunity.named("X").owner(SalesFixture.GONE)),
                "ownerId");
        refusedWithoutEffect(() -> opportunities.create(NewOpportunity.named("X").contactRole(
                ContactRole.of(ContactId.of("nope"), ContactRoleType.CHAMPION))), "contactRoles");
    }

    @Test
    void anAmountAndLineItemsExcludeEachOther() {
        LineItem line = LineItem.of(ProductId.of("p"), 1, Money.of("10", "EUR"));
        assertThatThrownBy(() -> NewOpportunity.named("X").amount(Money.of("5", "EUR")).lineItem(line))
                .isInstanceOf(CrmValidationException.class).extracting("field").isEqualTo("amount");
        assertThatThrownBy(() -> NewOpportunity.named("X").lineItem(line).amount(Money.of("5", "EUR")))
                .isInstanceOf(CrmValidationException.class).extracting("field").isEqualTo("amount");
    }

    @Test
    void lineItemsMustShareOneCurrencyAndNameEachProductOnce() {
        LineItem eur = LineItem.of(ProductId.of("a"), 1, Money.of("10", "EUR"));
        assertThatThrownBy(() -> NewOpportunity.named("X").lineItem(eur)
                .lineItem(LineItem.of(ProductId.of("b"), 1, Money.of("10", "USD"))))
                .isInstanceOf(CrmValidationException.class).extracting("field").isEqualTo("lineItems");
        assertThatThrownBy(() -> NewOpportunity.named("X").lineItem(eur).lineItem(eur))
                .isInstanceOf(CrmValidationException.class).extracting("field").isEqualTo("lineItems");
    }

    @Test
    void theAmountOfAnOpportunityWithLineItemsIsTheirSum() {
        Opportunity deal = opportunities.create(NewOpportunity.named("X")
                .lineItem(LineItem.of(ProductId.of("a"), 3, Money.of("19.99", "EUR")))
                .lineItem(LineItem.of(ProductId.of("b"), 2, Money.of("100.00", "EUR")).withDiscount(BigDecimal.TEN)));
        assertThat(deal.amount()).isEqualTo(Money.of("239.97", "EUR"));
        assertThatThrownBy(() -> deal.withAmount(Money.of("1.00", "EUR")))
                .isInstanceOf(CrmValidationException.class).extracting("field").isEqualTo("amount");
    }

    @Test
    void creatingIntoAStageWhoseRequirementsFailIsRefused() {
        Pipeline strict = strictPipeline();
        refusedWithoutEffect(() -> opportunities.create(NewOpportunity.named("X").pipeline(strict.id())
                .stage("proposal")), "stage");
    }

    // ---- update

    @Test
    void anUpdateStoresTheChangesAtTheNextVersionAndNamesTheChangedFields() {
        Opportunity deal = deal();
        f.clearEvents();
        Opportunity updated = opportunities.update(deal.withName("Fleet rollout 2027")
                .withCloseDate(SalesFixture.TODAY.plusDays(30)).withOwner(SalesFixture.ALICE));

        assertThat(updated.version()).isEqualTo(2);
        assertThat(opportunities.get(deal.id())).isEqualTo(updated);
        assertThat(f.events(OpportunityUpdated.class)).singleElement()
                .satisfies(e -> assertThat(e.changedFields()).containsExactlyInAnyOrder("name", "closeDate", "ownerId"));
    }

    @Test
    void anUnchangedUpdateStoresNothing() {
        Opportunity deal = deal();
        f.clearEvents();
        assertThat(opportunities.update(deal)).isEqualTo(deal);
        assertThat(f.events).isEmpty();
    }

    @Test
    void anUpdateBasedOnAStaleVersionIsRefused() {
        Opportunity deal = deal();
        opportunities.update(deal.withName("First"));
        Opportunity stored = opportunities.get(deal.id());
        f.clearEvents();

        assertThatThrownBy(() -> opportunities.update(deal.withName("Second")))
                .isInstanceOf(CrmConflictException.class);
        assertThat(opportunities.get(deal.id())).isEqualTo(stored);
        assertThat(f.events).isEmpty();
    }

    @Test
    void theStageCannotChangeThroughUpdate() {
        Opportunity deal = deal();
        List<StageChange> history = new ArrayList<>(deal.stageHistory());
        history.add(new StageChange("prospecting", "proposal", SalesFixture.NOW, Actor.SYSTEM));
        Opportunity sneaky = new Opportunity(deal.id(), deal.tenantId(), deal.version(), deal.name(),
                deal.accountId(), deal.amount(), deal.pipelineId(), "proposal", deal.closeDate(), deal.ownerId(),
                deal.contactRoles(), deal.lineItems(), history, deal.status(), null, null, deal.source(),
                deal.tags(), deal.customFields(), deal.createdAt(), deal.updatedAt());
        refusedWithoutEffect(() -> opportunities.update(sneaky), "stage");
    }

    @Test
    void theStatusCannotChangeThroughUpdate() {
        Opportunity deal = deal();
        Opportunity sneaky = new Opportunity(deal.id(), deal.tenantId(), deal.version(), deal.name(),
                deal.accountId(), deal.amount(), deal.pipelineId(), deal.stage(), deal.closeDate(), deal.ownerId(),
                deal.contactRoles(), deal.lineItems(), deal.stageHistory(), OpportunityStatus.WON, SalesFixture.NOW,
                null, deal.source(), deal.tags(), deal.customFields(), deal.createdAt(), deal.updatedAt());
        refusedWithoutEffect(() -> opportunities.update(sneaky), "stage");
    }

    @Test
    void thePipelineCannotChangeThroughUpdate() {
        Opportunity deal = deal();
        Pipeline strict = strictPipeline();
        Opportunity sneaky = new Opportunity(deal.id(), deal.tenantId(), deal.version(), deal.name(),
                deal.accountId(), deal.amount(), strict.id(), deal.stage(), deal.closeDate(), deal.ownerId(),
                deal.contactRoles(), deal.lineItems(), deal.stageHistory(), deal.status(), null, null,
                deal.source(), deal.tags(), deal.customFields(), deal.createdAt(), deal.updatedAt());
        refusedWithoutEffect(() -> opportunities.update(sneaky), "pipelineId");
    }

    @Test
    void anUpdateToAMissingOwnerOrAccountIsRefused() {
        Opportunity deal = deal();
        refusedWithoutEffect(() -> opportunities.update(deal.withOwner(SalesFixture.GONE)), "ownerId");
        refusedWithoutEffect(() -> opportunities.update(deal.withAccount(AccountId.of("nope"))), "accountId");
    }

    @Test
    void updatingAnUnknownOpportunityFails() {
        Opportunity deal = deal();
        Opportunity ghost = new Opportunity(OpportunityId.of("ghost"), deal.tenantId(), 1, "Ghost", null, null,
                deal.pipelineId(), deal.stage(), null, null, deal.contactRoles(), List.of(), deal.stageHistory(),
                OpportunityStatus.OPEN, null, null, null, Set.of(), deal.customFields(), deal.createdAt(),
                deal.updatedAt());
        assertThatThrownBy(() -> opportunities.update(ghost)).isInstanceOf(CrmNotFoundException.class);
    }

    // ---- moves

    @Test
    void aMoveAppendsToTheHistoryAndEmitsStageChanged() {
        Opportunity deal = deal();
        f.clearEvents();
        Opportunity moved = opportunities.moveToStage(deal.id(), "proposal");

        assertThat(moved.stage()).isEqualTo("proposal");
        assertThat(moved.version()).isEqualTo(2);
        assertThat(moved.stageHistory()).extracting(StageChange::from, StageChange::to)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(null, "prospecting"),
                        org.assertj.core.groups.Tuple.tuple("prospecting", "proposal"));
        StageChanged changed = f.events(StageChanged.class).get(0);
        assertThat(f.events).hasSize(1);
        assertThat(changed.fromStage()).isEqualTo("prospecting");
        assertThat(changed.toStage()).isEqualTo("proposal");
        assertThat(changed.pipelineId()).isEqualTo(deal.pipelineId());
    }

    @Test
    void movingBackwardsIsAllowedAndRecorded() {
        Opportunity deal = deal();
        opportunities.moveToStage(deal.id(), "negotiation");
        Opportunity back = opportunities.moveToStage(deal.id(), "qualification");
        assertThat(back.stageHistory()).extracting(StageChange::to)
                .containsExactly("prospecting", "negotiation", "qualification");
    }

    @Test
    void movingToTheCurrentStageChangesNothing() {
        Opportunity deal = deal();
        f.clearEvents();
        assertThat(opportunities.moveToStage(deal.id(), "prospecting")).isEqualTo(deal);
        assertThat(f.events).isEmpty();
    }

    @Test
    void movingToAnUnknownStageIsRefusedNamingStage() {
        Opportunity deal = deal();
        refusedWithoutEffect(() -> opportunities.moveToStage(deal.id(), "nirvana"), "stage");
    }

    @Test
    void movingIntoAClosedLostStageIsRefusedBecauseItNeedsAReason() {
        Opportunity deal = deal();
        refusedWithoutEffect(() -> opportunities.moveToStage(deal.id(), "closed-lost"), "stage");
    }

    @Test
    void movingAnUnknownOpportunityFails() {
        f.crm.pipelines().defaultPipeline();
        assertThatThrownBy(() -> opportunities.moveToStage(OpportunityId.of("nope"), "proposal"))
                .isInstanceOf(CrmNotFoundException.class);
    }

    @Test
    void movingIntoTheWonStageWinsTheOpportunity() {
        Opportunity deal = deal();
        f.clearEvents();
        Opportunity won = opportunities.moveToStage(deal.id(), "closed-won");

        assertThat(won.status()).isEqualTo(OpportunityStatus.WON);
        assertThat(won.closedAt()).isEqualTo(SalesFixture.NOW);
        assertThat(f.events).hasSize(2);
        assertThat(f.events.get(0)).isInstanceOf(StageChanged.class);
        assertThat(f.events.get(1)).isInstanceOfSatisfying(OpportunityWon.class,
                e -> assertThat(e.amount()).isEqualTo(Money.of("120000.00", "EUR")));
    }

    @Test
    void aMoveIntoAStageWithFailingRequirementsIsRefusedListingEveryReason() {
        Pipeline strict = strictPipeline();
        Opportunity deal = opportunities.create(NewOpportunity.named("X").pipeline(strict.id()));
        List<Opportunity> before = opportunities.list(PageRequest.first(10)).items();
        f.clearEvents();

        StageRequirementsNotMetException e = catchThrowableOfType(StageRequirementsNotMetException.class,
                () -> opportunities.moveToStage(deal.id(), "proposal"));

        assertThat(e.field()).isEqualTo("stage");
        assertThat(e.stageKey()).isEqualTo("proposal");
        assertThat(e.unmet()).extracting(RequirementResult.Unmet::requirement)
                .containsExactly("amount", "closeDate", "primaryContact");
        assertThat(opportunities.list(PageRequest.first(10)).items()).isEqualTo(before);
        assertThat(f.events).isEmpty();
    }

    @Test
    void aMoveSucceedsOnceTheRequirementsAreMet() {
        Pipeline strict = strictPipeline();
        Contact ada = f.contact("Ada");
        Opportunity deal = opportunities.create(NewOpportunity.named("X").pipeline(strict.id())
                .amount(Money.of("10.00", "EUR")).closeDate(SalesFixture.TODAY.plusDays(10)).contactRole(primary(ada)));
        assertThat(opportunities.moveToStage(deal.id(), "proposal").stage()).isEqualTo("proposal");
    }

    @Test
    void theWonStageRequirementsApplyToCloseWon() {
        Pipeline strict = strictPipeline();
        Opportunity deal = opportunities.create(NewOpportunity.named("X").pipeline(strict.id()));
        refusedWithoutEffect(() -> opportunities.closeWon(deal.id(), null), "stage");
        opportunities.addLineItem(deal.id(), LineItem.of(ProductId.of("p"), 1, Money.of("5", "EUR")));
        assertThat(opportunities.closeWon(deal.id(), null).status()).isEqualTo(OpportunityStatus.WON);
    }

    @Test
    void aClosedOpportunityMustBeReopenedBeforeItMoves() {
        Opportunity deal = deal();
        opportunities.closeLost(deal.id(), "budget cut");
        refusedWithoutEffect(() -> opportunities.moveToStage(deal.id(), "proposal"), "status");
        refusedWithoutEffect(() -> opportunities.closeWon(deal.id(), null), "status");
        refusedWithoutEffect(() -> opportunities.closeLost(deal.id(), "again"), "status");
    }

    @Test
    void closeWonRecordsTheReasonAndEmitsOpportunityWon() {
        Opportunity deal = deal();
        f.clearEvents();
        Opportunity won = opportunities.closeWon(deal.id(), "best fit");

        assertThat(won.stage()).isEqualTo("closed-won");
        assertThat(won.closeReason()).isEqualTo("best fit");
        assertThat(f.events(OpportunityWon.class)).singleElement()
                .satisfies(e -> assertThat(e.reason()).isEqualTo("best fit"));
        assertThat(f.events(StageChanged.class)).singleElement()
                .satisfies(e -> assertThat(e.toStage()).isEqualTo("closed-won"));
    }

    @Test
    void closeLostNeedsAReason() {
        Opportunity deal = deal();
        refusedWithoutEffect(() -> opportunities.closeLost(deal.id(), " "), "reason");
    }

    @Test
    void closeLostUsesTheFirstLostStageAndEmitsOpportunityLost() {
        Pipeline strict = strictPipeline();
        Opportunity deal = opportunities.create(NewOpportunity.named("X").pipeline(strict.id()));
        f.clearEvents();
        Opportunity lost = opportunities.closeLost(deal.id(), "price");

        assertThat(lost.stage()).isEqualTo("lost-to-competitor");
        assertThat(lost.status()).isEqualTo(OpportunityStatus.LOST);
        assertThat(lost.closeReason()).isEqualTo("price");
        assertThat(lost.closedAt()).isEqualTo(SalesFixture.NOW);
        assertThat(f.events).hasSize(2);
        assertThat(f.events(OpportunityLost.class)).singleElement()
                .satisfies(e -> assertThat(e.reason()).isEqualTo("price"));
    }

    @Test
    void closeLostCanChooseALostStage() {
        Pipeline strict = strictPipeline();
        Opportunity deal = opportunities.create(NewOpportunity.named("X").pipeline(strict.id()));
        assertThat(opportunities.closeLost(deal.id(), "no-decision", "stalled").stage()).isEqualTo("no-decision");
    }

    @Test
    void closeLostRefusesAStageThatIsNotLost() {
        Pipeline strict = strictPipeline();
        Opportunity deal = opportunities.create(NewOpportunity.named("X").pipeline(strict.id()));
        refusedWithoutEffect(() -> opportunities.closeLost(deal.id(), "won", "why"), "stage");
    }

    @Test
    void reopeningMovesAClosedOpportunityBackToAnOpenStage() {
        Opportunity deal = deal();
        opportunities.closeLost(deal.id(), "budget cut");
        f.clearEvents();
        Opportunity reopened = opportunities.reopen(deal.id(), "negotiation");

        assertThat(reopened.status()).isEqualTo(OpportunityStatus.OPEN);
        assertThat(reopened.stage()).isEqualTo("negotiation");
        assertThat(reopened.closedAt()).isNull();
        assertThat(reopened.closeReason()).isNull();
        assertThat(reopened.stageHistory()).extracting(StageChange::to)
                .containsExactly("prospecting", "closed-lost", "negotiation");
        assertThat(f.events).hasSize(2);
        assertThat(f.events.get(0)).isInstanceOf(StageChanged.class);
        assertThat(f.events.get(1)).isInstanceOfSatisfying(OpportunityReopened.class,
                e -> assertThat(e.stage()).isEqualTo("negotiation"));
    }

    @Test
    void onlyAClosedOpportunityCanBeReopenedAndOnlyIntoAnOpenStage() {
        Opportunity deal = deal();
        refusedWithoutEffect(() -> opportunities.reopen(deal.id(), "proposal"), "status");
        opportunities.closeWon(deal.id(), null);
        refusedWithoutEffect(() -> opportunities.reopen(deal.id(), "closed-lost"), "stage");
        refusedWithoutEffect(() -> opportunities.reopen(deal.id(), "nirvana"), "stage");
    }

    // ---- line items

    @Test
    void addingLineItemsMakesTheAmountTheirSum() {
        Opportunity deal = opportunities.create(NewOpportunity.named("X"));
        f.clearEvents();
        opportunities.addLineItem(deal.id(), LineItem.of(ProductId.of("a"), 2, Money.of("10.00", "EUR")));
        Opportunity two = opportunities.addLineItem(deal.id(), LineItem.of(ProductId.of("b"), 1, Money.of("5.50", "EUR")));

        assertThat(two.amount()).isEqualTo(Money.of("25.50", "EUR"));
        assertThat(two.version()).isEqualTo(3);
        assertThat(f.events(OpportunityUpdated.class)).hasSize(2)
                .allSatisfy(e -> assertThat(e.changedFields()).containsExactlyInAnyOrder("amount", "lineItems"));
    }

    @Test
    void addingALineForAProductThatHasOneReplacesIt() {
        Opportunity deal = opportunities.create(NewOpportunity.named("X"));
        opportunities.addLineItem(deal.id(), LineItem.of(ProductId.of("a"), 2, Money.of("10.00", "EUR")));
        Opportunity replaced = opportunities.addLineItem(deal.id(), LineItem.of(ProductId.of("a"), 5, Money.of("10.00", "EUR")));
        assertThat(replaced.lineItems()).hasSize(1);
        assertThat(replaced.amount()).isEqualTo(Money.of("50.00", "EUR"));
    }

    @Test
    void removingALineRecomputesTheAmountAndTheLastSumStays() {
        Opportunity deal = opportunities.create(NewOpportunity.named("X")
                .lineItem(LineItem.of(ProductId.of("a"), 2, Money.of("10.00", "EUR")))
                .lineItem(LineItem.of(ProductId.of("b"), 1, Money.of("5.00", "EUR"))));
        assertThat(opportunities.removeLineItem(deal.id(), ProductId.of("a")).amount()).isEqualTo(Money.of("5.00", "EUR"));
        Opportunity none = opportunities.removeLineItem(deal.id(), ProductId.of("b"));
        assertThat(none.lineItems()).isEmpty();
        assertThat(none.amount()).isEqualTo(Money.of("5.00", "EUR"));
        assertThat(opportunities.update(none.withAmount(Money.of("7.00", "EUR"))).amount())
                .isEqualTo(Money.of("7.00", "EUR"));
    }

    @Test
    void removingALineAProductDoesNotHaveChangesNothing() {
        Opportunity deal = deal();
        f.clearEvents();
        assertThat(opportunities.removeLineItem(deal.id(), ProductId.of("nope"))).isEqualTo(deal);
        assertThat(f.events).isEmpty();
    }

    @Test
    void aLineInAnotherCurrencyIsRefused() {
        Opportunity deal = deal();
        refusedWithoutEffect(() -> opportunities.addLineItem(deal.id(),
                LineItem.of(ProductId.of("a"), 1, Money.of("10", "USD"))), "lineItems");
        Opportunity lined = opportunities.addLineItem(deal.id(), LineItem.of(ProductId.of("a"), 1, Money.of("10", "EUR")));
        assertThat(lined.amount()).isEqualTo(Money.of("10.00", "EUR"));
        refusedWithoutEffect(() -> opportunities.addLineItem(deal.id(),
                LineItem.of(ProductId.of("b"), 1, Money.of("10", "USD"))), "lineItems");
    }

    // ---- contact roles

    @Test
    void aRoleForAMissingContactIsRefused() {
        Opportunity deal = deal();
        refusedWithoutEffect(() -> opportunities.setContactRole(deal.id(),
                ContactRole.of(ContactId.of("nope"), ContactRoleType.INFLUENCER)), "contactRoles");
    }

    @Test
    void settingAPrimaryRoleDemotesTheFormerPrimary() {
        Contact ada = f.contact("Ada");
        Contact bob = f.contact("Bob");
        Opportunity deal = opportunities.create(NewOpportunity.named("X").contactRole(primary(ada)));
        f.clearEvents();
        Opportunity next = opportunities.setContactRole(deal.id(), primary(bob));

        assertThat(next.contactRoles().primary()).get().extracting(ContactRole::contactId).isEqualTo(bob.id());
        assertThat(next.contactRoles().contactIds()).containsExactly(ada.id(), bob.id());
        assertThat(f.events(OpportunityUpdated.class)).singleElement()
                .satisfies(e -> assertThat(e.changedFields()).containsExactly("contactRoles"));
        assertThat(opportunities.removeContactRole(deal.id(), ada.id()).contactRoles().contactIds())
                .containsExactly(bob.id());
    }

    // ---- look-ups

    @Test
    void opportunitiesAreFoundByAccountOwnerAndContact() {
        Account acme = f.account("Acme");
        Contact ada = f.contact("Ada");
        Opportunity a = opportunities.create(NewOpportunity.named("A").account(acme.id()));
        Opportunity b = opportunities.create(NewOpportunity.named("B").owner(SalesFixture.ALICE).contactRole(primary(ada)));
        opportunities.create(NewOpportunity.named("C"));

        assertThat(opportunities.findByAccount(acme.id())).containsExactly(a);
        assertThat(opportunities.findByOwner(SalesFixture.ALICE)).extracting(Opportunity::id).containsExactly(b.id());
        assertThat(opportunities.findByContact(ada.id())).extracting(Opportunity::id).containsExactly(b.id());
        assertThat(opportunities.count()).isEqualTo(3);
        assertThat(opportunities.list(new PageRequest(1, 1)).items()).hasSize(1);
    }

    @Test
    void openOpportunitiesAreFoundByStageAndLeaveTheIndexWhenClosed() {
        Opportunity a = deal();
        Opportunity b = deal();
        PipelineId standard = PipelineService.STANDARD_PIPELINE_ID;
        assertThat(opportunities.findOpen(standard, "prospecting")).extracting(Opportunity::id)
                .containsExactly(a.id(), b.id());

        opportunities.moveToStage(a.id(), "proposal");
        assertThat(opportunities.findOpen(standard, "prospecting")).extracting(Opportunity::id).containsExactly(b.id());
        assertThat(opportunities.findOpen(standard, "proposal")).extracting(Opportunity::id).containsExactly(a.id());

        opportunities.closeWon(a.id(), null);
        opportunities.closeLost(b.id(), "no budget");
        assertThat(opportunities.findOpen(standard, "proposal")).isEmpty();
        assertThat(opportunities.findOpen(standard, "closed-won")).isEmpty();
        assertThat(opportunities.findOpen(standard)).isEmpty();

        opportunities.reopen(b.id(), "negotiation");
        assertThat(opportunities.findOpen(standard)).extracting(Opportunity::id).containsExactly(b.id());
    }

    @Test
    void openOpportunitiesOfAPipelineComeInStageOrder() {
        Opportunity a = deal();
        Opportunity b = deal();
        opportunities.moveToStage(a.id(), "negotiation");
        assertThat(opportunities.findOpen(PipelineService.STANDARD_PIPELINE_ID)).extracting(Opportunity::id)
                .containsExactly(b.id(), a.id());
    }

    @Test
    void lookingUpAnUnknownPipelineOrStageIsRefused() {
        deal();
        assertThatThrownBy(() -> opportunities.findOpen(PipelineId.of("nope"), "proposal"))
                .isInstanceOf(CrmValidationException.class).extracting("field").isEqualTo("pipelineId");
        assertThatThrownBy(() -> opportunities.findOpen(PipelineService.STANDARD_PIPELINE_ID, "nirvana"))
                .isInstanceOf(CrmValidationException.class).extracting("field").isEqualTo("stage");
        assertThatThrownBy(() -> opportunities.findOpen(PipelineId.of("nope")))
                .isInstanceOf(CrmValidationException.class).extracting("field").isEqualTo("pipelineId");
    }

    @Test
    void lookUpsNeverSeeAnotherTenantsOpportunities() {
        SalesFixture shared = new SalesFixture();
        var tenantA = shared.tenant("a");
        var tenantB = shared.tenant("b");
        Account acme = tenantA.accounts().create(dev.rapport.crm.party.NewAccount.named("Acme"));
        Contact ada = tenantA.contacts().create(dev.rapport.crm.party.NewContact.named("Ada", "L"));
        Opportunity deal = tenantA.opportunities().create(NewOpportunity.named("A").account(acme.id())
                .owner(SalesFixture.ALICE).contactRole(primary(ada)));

        OpportunityService b = tenantB.opportunities();
        assertThat(b.find(deal.id())).isEmpty();
        assertThatThrownBy(() -> b.get(deal.id())).isInstanceOf(CrmNotFoundException.class);
        assertThat(b.findByAccount(acme.id())).isEmpty();
        assertThat(b.findByOwner(SalesFixture.ALICE)).isEmpty();
        assertThat(b.findByContact(ada.id())).isEmpty();
        assertThat(b.count()).isZero();
        assertThat(b.list(PageRequest.first(10)).items()).isEmpty();
        tenantB.pipelines().defaultPipeline();
        assertThat(b.findOpen(PipelineService.STANDARD_PIPELINE_ID, "prospecting")).isEmpty();
        assertThatThrownBy(() -> b.moveToStage(deal.id(), "proposal")).isInstanceOf(CrmNotFoundException.class);
        assertThat(tenantA.opportunities().findOpen(PipelineService.STANDARD_PIPELINE_ID, "prospecting"))
                .containsExactly(deal);
    }

    @Test
    void toStringCarriesNoName() {
        assertThat(deal().toString()).doesNotContain("Fleet");
    }
}
