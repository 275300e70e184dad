package dev.rapport.crm.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.rapport.crm.Crm;
import dev.rapport.crm.CrmValidationException;
import dev.rapport.crm.lead.LeadSource;
import dev.rapport.crm.party.Account;
import dev.rapport.crm.party.NewAccount;
import dev.rapport.crm.revenue.Money;
import dev.rapport.crm.revenue.NewSubscription;
import dev.rapport.crm.revenue.Subscription;
import dev.rapport.crm.sales.ForecastCategory;
import dev.rapport.crm.sales.LineItem;
import dev.rapport.crm.sales.NewOpportunity;
import dev.rapport.crm.sales.NewPipeline;
import dev.rapport.crm.sales.Opportunity;
import dev.rapport.crm.sales.Pipeline;
import dev.rapport.crm.sales.ProductId;
import dev.rapport.crm.spi.IdGenerator;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The metrics over crm-core's own opportunities and subscriptions, made through the facade. */
class DomainAdaptersTest {

    private final MutableClock clock = new MutableClock("2026-01-05T09:00:00Z");
    private final Crm crm = Crm.builder().clock(clock).idGenerator(IdGenerator.sequential("t")).build();
    private final DealMapping mapping = DealMapping.utc("EUR").noDecisionWhen(r -> r.equalsIgnoreCase("no decision"));
    private static final Conversion EUR = Conversion.strict("EUR");

    private List<Deal> deals(List<Opportunity> opportunities) {
        Function<Opportunity, Deal> toDeal = Deals.mapper(crm.pipelines().list(), mapping);
        return opportunities.stream().map(o -> crm.opportunities().get(o.id())).map(toDeal).collect(Collectors.toList());
    }

    @Test
    void opportunitiesReadAsDealsWithTheirHistoryStageAndOutcome() {
        Opportunity won = crm.opportunities().create(NewOpportunity.named("Fleet").source(LeadSource.REFERRAL)
                .lineItem(LineItem.of(ProductId.of("van-lease"), 2, Money.of("500.00", "EUR"))));
        Opportunity dropped = crm.opportunities().create(NewOpportunity.named("Pilot").amount(Money.of("300.00", "EUR")));
        Opportunity unknown = crm.opportunities().create(NewOpportunity.named("Maybe"));
        clock.advance(Duration.ofDays(10));
        crm.opportunities().moveToStage(won.id(), "proposal");
        clock.advance(Duration.ofDays(5));
        crm.opportunities().closeWon(won.id(), "best offer");
        crm.opportunities().closeLost(dropped.id(), "No decision");

        List<Deal> deals = deals(List.of(won, dropped, unknown));
        Deal w = deals.get(0);
        assertThat(w.status()).isEqualTo(DealStatus.WON);
        assertThat(w.amount()).isEqualTo(Money.of("1000.00", "EUR"));
        assertThat(w.ownerId()).isEqualTo("unassigned");
        assertThat(w.source()).isEqualTo("REFERRAL");
        assertThat(w.productIds()).containsExactly("van-lease");
        assertThat(w.createdOn()).isEqualTo(LocalDate.of(2026, 1, 5));
        assertThat(w.closedOn()).isEqualTo(LocalDate.of(2026, 1, 20));
        assertThat(w.stageHistory()).extracting(StageVisit::stage).containsExactly("prospecting", "proposal", "closed-won");
        assertThat(w.forecastCategory()).isEqualTo(ForecastCategory.CLOSED);
        assertThat(w.probability()).isEqualByComparingTo("1");
        assertThat(deals.get(1).status()).isEqualTo(DealStatus.NO_DECISION);
        assertThat(deals.get(2).status()).isEqualTo(DealStatus.OPEN);
        assertThat(deals.get(2).amount()).isEqualTo(Money.of("0.00", "EUR"));
        assertThat(deals.get(2).probability()).isEqualByComparingTo("0.1");

        assertThat(SalesMetrics.winRateByCount(NoDecision.EXCLUDED).of(deals).value()).isEqualByComparingTo("1");
        assertThat(SalesMetrics.winRateByCount(NoDecision.COUNTED_AS_LOST).of(deals).value()).isEqualByComparingTo("0.5");
        assertThat(SalesMetrics.salesCycleDays(CycleStart.created()).of(deals).mean()).isEqualByComparingTo("15");
        assertThat(SalesMetrics.salesCycleDays(CycleStart.stageEntered("proposal")).of(deals).mean())
                .isEqualByComparingTo("5");
        List<String> stages = List.of("prospecting", "qualification", "needs-analysis", "proposal", "negotiation");
        Funnel strict = SalesMetrics.funnel(stages, FunnelVariant.STRICT).of(deals);
        Funnel any = SalesMetrics.funnel(stages, FunnelVariant.ANY_STAGE).of(deals);
        assertThat(strict.steps()).extracting(FunnelStep::count).containsExactly(3L, 0L, 0L, 0L, 0L, 0L);
        assertThat(any.steps()).extracting(FunnelStep::count).containsExactly(3L, 1L, 1L, 1L, 1L, 1L);
        assertThat(SalesMetrics.averageDealSize(EUR).groupedBy(Deal::source).of(deals).get("REFERRAL").value())
                .isEqualTo(Money.of("1000.00", "EUR"));
    }

    @Test
    void daysAreTakenInTheMappingsZone() {
        clock.set("2026-01-05T23:30:00Z");
        Opportunity late = crm.opportunities().create(NewOpportunity.named("Late").amount(Money.of("1.00", "EUR")));
        Pipeline pipeline = crm.pipelines().get(late.pipelineId());
        assertThat(Deals.from(late, pipeline, DealMapping.utc("EUR")).createdOn()).isEqualTo(LocalDate.of(2026, 1, 5));
        assertThat(Deals.from(late, pipeline, DealMapping.of(ZoneId.of("Europe/Berlin"), "EUR")).createdOn())
                .isEqualTo(LocalDate.of(2026, 1, 6));
    }

    @Test
    void anOpportunityReadWithAnotherPipelineIsRefused() {
        Opportunity o = crm.opportunities().create(NewOpportunity.named("X"));
        Pipeline other = crm.pipelines().create(NewPipeline.named("Renewals")
                .stage(dev.rapport.crm.sales.Stage.open("upcoming", "Upcoming", new BigDecimal("0.5"), ForecastCategory.PIPELINE))
                .stage(dev.rapport.crm.sales.Stage.won("renewed", "Renewed"))
                .stage(dev.rapport.crm.sales.Stage.lost("churned", "Churned")));
        assertThat(catchThrowableOfType(CrmValidationException.class, () -> Deals.from(o, other, mapping)).field())
                .isEqualTo("pipeline");
        assertThat(catchThrowableOfType(CrmValidationException.class,
                () -> Deals.mapper(List.of(other), mapping).apply(o)).field()).isEqualTo("pipeline");
    }

    @Test
    void subscriptionHistoriesGiveTheMonthsMrrMovements() {
        Account acme = crm.accounts().create(NewAccount.named("Acme"));
        Account fleet = crm.accounts().create(NewAccount.named("Fleet"));
        Subscription grows = crm.subscriptions().start(NewSubscription.of(acme.id(), "Pro", Money.of("100.00", "EUR"))
                .startingOn(LocalDate.of(2026, 1, 1)));
        Subscription leaves = crm.subscriptions().start(NewSubscription.of(fleet.id(), "Basic", Money.of("40.00", "EUR"))
                .startingOn(LocalDate.of(2026, 1, 1)));
        crm.subscriptions().changeMrr(grows.id(), Money.of("150.00", "EUR"), LocalDate.of(2026, 3, 10));
        crm.subscriptions().cancel(leaves.id(), "budget", LocalDate.of(2026, 3, 20));

        List<SubscriptionMrr> histories = crm.subscriptions().list(dev.rapport.crm.PageRequest.first(10)).items()
                .stream().map(SubscriptionMrr::of).collect(Collectors.toList());
        Period march = Period.of(PeriodUnit.MONTH, LocalDate.of(2026, 3, 1));
        List<CustomerMrr> customers = RevenueMetrics.customerMrr(march, EUR).of(histories);
        MrrMovements m = RevenueMetrics.mrrMovements(EUR).of(customers);
        assertThat(m.start()).isEqualTo(Money.of("140.00", "EUR"));
        assertThat(m.expansion()).isEqualTo(Money.of("50.00", "EUR"));
        assertThat(m.churned()).isEqualTo(Money.of("40.00", "EUR"));
        assertThat(m.end()).isEqualTo(Money.of("150.00", "EUR"));
        assertThat(RevenueMetrics.logoChurn().of(customers).value()).isEqualByComparingTo("0.5");
        Period february = Period.of(PeriodUnit.MONTH, LocalDate.of(2026, 2, 1));
        assertThat(RevenueMetrics.mrrMovements(EUR).of(RevenueMetrics.customerMrr(february, EUR).of(histories)).end())
                .isEqualTo(Money.of("140.00", "EUR"));
    }

    @Test
    void closedLeadsTrainTheScoringModelAndFeedSourcePerformance() {
        List<dev.rapport.crm.lead.Lead> leads = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            LeadSource source = i < 4 ? LeadSource.REFERRAL : LeadSource.PAID_ADS;
            dev.rapport.crm.lead.Lead lead = crm.leads().capture(dev.rapport.crm.lead.NewLead.from(source)
                    .name("Lead", "N" + i).email("lead" + i + "@fleet.example").country(i % 2 == 0 ? "de" : "FR"));
            if (i == 0 || i == 1 || i == 4) {
                crm.leads().convert(lead.id(), dev.rapport.crm.lead.ConvertLead.plain());
            } else if (i != 5) {
                crm.leads().disqualify(lead.id(), "no budget");
            }
            leads.add(crm.leads().get(lead.id()));
        }
        List<ScoringExample> history = leads.stream().flatMap(l -> ScoringExample.closedLead(l).stream())
                .collect(Collectors.toList());
        assertThat(history).hasSize(5); // the sixth lead is still open
        assertThat(history.get(0).fields()).containsEntry("source", "REFERRAL").containsEntry("country", "DE");
        assertThat(history).extracting(ScoringExample::won).containsExactly(true, true, false, false, true);

        LeadScoringModel model = LeadScoringModel.trainer(BigDecimal.ONE, 1).of(history);
        LeadScore score = model.score(ScoringExample.fieldsOf(leads.get(5)));
        assertThat(score.status()).isEqualTo(MetricStatus.DEFINED);
        assertThat(score.contributions()).extracting(FieldContribution::field).containsExactly("country", "source");

        java.util.Map<LeadSource, SourcePerformance> bySource = MarketingMetrics.leadSourcePerformance(EUR)
                .groupedBy(LeadOutcome::source)
                .of(leads.stream().map(l -> LeadOutcome.of(l, l.isConverted() ? Money.of("100.00", "EUR") : null)));
        assertThat(bySource.get(LeadSource.REFERRAL).conversionRate().value()).isEqualByComparingTo("0.5");
        assertThat(bySource.get(LeadSource.PAID_ADS).wonRevenue().total()).isEqualTo(Money.of("100.00", "EUR"));
    }

    @Test
    void anOpportunityIsNeverReadWithAnotherTenantsPipeline() {
        Opportunity mine = crm.forTenant(dev.rapport.crm.TenantId.of("a")).opportunities()
                .create(NewOpportunity.named("A"));
        Pipeline theirs = crm.forTenant(dev.rapport.crm.TenantId.of("b")).pipelines().defaultPipeline();
        assertThat(theirs.id()).isEqualTo(mine.pipelineId()); // same standard id, different tenant
        assertThat(catchThrowableOfType(CrmValidationException.class, () -> Deals.from(mine, theirs, mapping)).field())
                .isEqualTo("tenantId");
    }
}
