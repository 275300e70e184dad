package dev.rapport.crm.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.rapport.crm.Crm;
import dev.rapport.crm.PageRequest;
import dev.rapport.crm.party.Account;
import dev.rapport.crm.party.NewAccount;
import dev.rapport.crm.revenue.Money;
import dev.rapport.crm.revenue.NewSubscription;
import dev.rapport.crm.sales.NewOpportunity;
import dev.rapport.crm.sales.Opportunity;
import dev.rapport.crm.spi.IdGenerator;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Keeps docs/metrics.md honest: each of its samples is a tagged region here, and it runs. */
class MetricsGuideTest {

    private static final Path THIS_FILE =
            Path.of("src/test/java/dev/rapport/crm/metrics/MetricsGuideTest.java").toAbsolutePath();
    private static final Path GUIDE = Path.of("").toAbsolutePath().getParent().resolve("docs/metrics.md");

    private final MutableClock clock = new MutableClock("2026-03-15T10:00:00Z");
    private final Crm crm = Crm.builder().clock(clock).idGenerator(IdGenerator.sequential("g")).build();

    private static String region(String tag) throws IOException {
        String text = Files.readString(THIS_FILE, StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("// tag::" + tag + "\\[\\]\\n(.*?)\\n\\s*// end::" + tag + "\\[\\]", Pattern.DOTALL)
                .matcher(text);
        assertThat(m.find()).as("region %s", tag).isTrue();
        int indent = m.group(1).lines().filter(l -> !l.isBlank())
                .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
        StringBuilder out = new StringBuilder();
        m.group(1).lines().forEach(l -> out.append(l.isBlank() ? "" : l.substring(indent)).append('\n'));
        return out.toString().strip();
    }

    @Test
    void theGuideShowsTheseSamples() throws IOException {
        String guide = Files.readString(GUIDE, StandardCharsets.UTF_8);
        for (String tag : List.of("intro", "deals", "subscriptions", "affinity", "actions", "columns")) {
            assertThat(guide).as(tag).contains(region(tag));
        }
    }

    @Test
    void theIntroductionRuns() {
        List<Deal> deals = List.of(
                Deal.open("1", "ada", Money.of("100.00", "EUR"), LocalDate.of(2026, 1, 5)).won(LocalDate.of(2026, 2, 1)),
                Deal.open("2", "bob", Money.of("50.00", "EUR"), LocalDate.of(2026, 1, 5)).lost(LocalDate.of(2026, 4, 1)));
        List<Deal> closedDeals = deals;
        List<SurveyResponse> answers = List.of(new SurveyResponse("r1", 10), new SurveyResponse("r2", 3));
        // tag::intro[]
        Conversion eur = Conversion.strict("EUR");
        Ratio winRate = SalesMetrics.winRateByCount(NoDecision.EXCLUDED).of(deals);
        Map<String, MoneyRatio> avgByOwner = SalesMetrics.averageDealSize(eur).groupedBy(Deal::ownerId).of(deals);
        Map<Period, Ratio> byQuarter = SalesMetrics.winRateByCount(NoDecision.EXCLUDED)
            .groupedBy(Period.byDate(PeriodUnit.QUARTER, (Deal d) -> d.closedOnIfClosed().orElseThrow()))
            .of(closedDeals);
        NetPromoterScore nps = CustomerMetrics.nps().of(answers);
        // end::intro[]
        assertThat(winRate.value()).isEqualByComparingTo("0.5");
        assertThat(avgByOwner.get("ada").value()).isEqualTo(Money.of("100.00", "EUR"));
        assertThat(avgByOwner.get("bob").status()).isEqualTo(MetricStatus.UNDEFINED);
        assertThat(byQuarter.keySet()).extracting(Period::toString).containsExactly("2026-Q1", "2026-Q2");
        assertThat(nps.score()).isEqualByComparingTo("0");
    }

    @Test
    void readingOpportunitiesRuns() {
        Opportunity deal = crm.opportunities().create(NewOpportunity.named("Fleet").amount(Money.of("10.00", "EUR")));
        crm.opportunities().closeLost(deal.id(), "No decision");
        List<Opportunity> opportunities = List.of(crm.opportunities().get(deal.id()));
        // tag::deals[]
        Function<Opportunity, Deal> toDeal = Deals.mapper(crm.pipelines().list(),
            DealMapping.of(ZoneId.of("Europe/Berlin"), "EUR")
                .noDecisionWhen(reason -> reason.equalsIgnoreCase("no decision")));
        Ratio winRate = SalesMetrics.winRateByCount(NoDecision.EXCLUDED).of(opportunities.stream().map(toDeal));
        // end::deals[]
        assertThat(winRate.status()).isEqualTo(MetricStatus.UNDEFINED); // the only deal had no decision
    }

    @Test
    void readingSubscriptionsRuns() {
        Conversion eur = Conversion.strict("EUR");
        Account acme = crm.accounts().create(NewAccount.named("Acme"));
        crm.subscriptions().start(NewSubscription.of(acme.id(), "Pro", Money.of("90.00", "EUR"))
                .startingOn(LocalDate.of(2026, 3, 2)));
        // tag::subscriptions[]
        Period march = Period.of(PeriodUnit.MONTH, LocalDate.of(2026, 3, 1));
        List<CustomerMrr> customers = RevenueMetrics.customerMrr(march, eur)
            .of(crm.subscriptions().list(PageRequest.first(1000)).items().stream().map(SubscriptionMrr::of));
        MrrMovements bridge = RevenueMetrics.mrrMovements(eur).of(customers);
        // end::subscriptions[]
        assertThat(bridge.newMrr()).isEqualTo(Money.of("90.00", "EUR"));
        assertThat(bridge.end()).isEqualTo(Money.of("90.00", "EUR"));
    }

    @Test
    void crossSellAndUpsellRun() {
        List<Deal> deals = List.of(
                Deal.open("1", "ada", Money.of("550.00", "USD"), LocalDate.of(2026, 1, 5)).selling(List.of("GTX Basic"))
                        .won(LocalDate.of(2026, 2, 1)),
                Deal.open("2", "ada", Money.of("55.00", "USD"), LocalDate.of(2026, 1, 5)).selling(List.of("MG Special"))
                        .won(LocalDate.of(2026, 2, 1)),
                Deal.open("3", "bob", Money.of("4821.00", "USD"), LocalDate.of(2026, 1, 5)).selling(List.of("GTX Pro"))
                        .won(LocalDate.of(2026, 2, 1)),
                Deal.open("4", "bob", Money.of("550.00", "USD"), LocalDate.of(2026, 1, 5)).selling(List.of("GTX Basic"))
                        .won(LocalDate.of(2026, 2, 1)));
        Map<String, String> accountOf = Map.of("1", "acme", "2", "acme", "3", "bolt", "4", "bolt");
        Map<String, CatalogProduct> catalog = Map.of(
                "GTX Basic", new CatalogProduct("GTX Basic", "GTX", new BigDecimal("550")),
                "GTX Pro", new CatalogProduct("GTX Pro", "GTX", new BigDecimal("4821")),
                "MG Special", new CatalogProduct("MG Special", "MG", new BigDecimal("55")));
        // tag::affinity[]
        List<Basket> baskets = Basket.ofWonDeals(deals, d -> accountOf.get(d.id()));   // one basket per account
        ProductAffinity affinity = ProductAffinity.counter(1).of(baskets);
        RuleThresholds t = new RuleThresholds(new BigDecimal("0.10"), new BigDecimal("0.30"), BigDecimal.ONE);
        for (ProductSuggestion s : affinity.suggest(Set.of("GTX Basic"), catalog, t, 3)) {
            AssociationRule r = s.rule();
            System.out.printf("%s %s: support %s, confidence %s, lift %s, from %s%n", s.kind(), s.productId(),
                r.support().value(), r.confidence().value(), r.lift().value(), r.supportingBaskets());
        }
        // end::affinity[]
        List<ProductSuggestion> suggested = affinity.suggest(Set.of("GTX Basic"), catalog, t, 3);
        assertThat(suggested).extracting(ProductSuggestion::productId, ProductSuggestion::kind).containsExactly(
                tuple("GTX Pro", SuggestionKind.UPSELL),
                tuple("MG Special", SuggestionKind.CROSS_SELL));
        assertThat(suggested.get(0).rule().supportingBaskets()).containsExactly("bolt");
    }

    @Test
    void nextBestActionsRun() {
        Clock clock = this.clock;
        List<Renewal> renewals = List.of(new Renewal("sub-1", "acme", "ada", LocalDate.of(2026, 3, 30),
                Money.of("490.00", "EUR")));
        HealthModel health = HealthModel.of(Map.of("usage", BigDecimal.ONE), new BigDecimal("70"), new BigDecimal("40"));
        List<HealthSignals> customers = List.of(new HealthSignals("acme", Map.of("usage", new BigDecimal("0.3"))));
        Map<String, String> ownerOfAccount = Map.of("acme", "ada");
        Map<String, Stats> typicalDaysInStage = SalesMetrics.daysInStage().of(List.of(
                Deal.open("h", "ada", Money.of("1.00", "EUR"), LocalDate.of(2026, 1, 1))
                        .entered("propose", LocalDate.of(2026, 1, 1)).entered("negotiate", LocalDate.of(2026, 1, 11))));
        List<Deal> openDeals = List.of(Deal.open("d", "ada", Money.of("1.00", "EUR"), LocalDate.of(2026, 2, 1))
                .entered("propose", LocalDate.of(2026, 2, 1)));
        LeadScoringModel leadModel = LeadScoringModel.trainer(BigDecimal.ONE, 1).of(List.of(
                new ScoringExample("w", Map.of("source", "referral"), true),
                new ScoringExample("l", Map.of("source", "web"), false)));
        List<OpenLead> openLeads = List.of(new OpenLead("lead-1", "ada", Map.of("source", "referral")));
        // tag::actions[]
        NextBestActions actions = NextBestActions.builder(clock, ZoneId.of("Europe/Paris"))
            .renewals(renewals, 60, Conversion.strict("EUR"))
            .atRisk(health, customers, c -> ownerOfAccount.get(c.customerId()))
            .stalledDeals(typicalDaysInStage, new BigDecimal("1.5"), openDeals)
            .hotLeads(leadModel, new BigDecimal("0.6"), openLeads)
            .build();
        for (NextBestAction a : actions.forOwner("ada")) {
            System.out.println(a.rank() + ". " + a.type() + " " + a.subjectId() + ": " + a.reason());
        }
        // end::actions[]
        assertThat(actions.forOwner("ada")).extracting(NextBestAction::subjectId)
                .containsExactly("sub-1", "acme", "d", "lead-1");
    }

    @Test
    void columnsRun() {
        List<Deal> deals = List.of(
                Deal.open("1", "ada", Money.of("100.00", "EUR"), LocalDate.of(2026, 1, 5)).entered("qualify",
                        LocalDate.of(2026, 1, 5)).won(LocalDate.of(2026, 2, 1)),
                Deal.open("2", "bob", Money.of("50.00", "EUR"), LocalDate.of(2026, 1, 5)).lost(LocalDate.of(2026, 4, 1)));
        // tag::columns[]
        SalesSummarySpec spec = new SalesSummarySpec(List.of("qualify", "propose", "negotiate"),
            CycleStart.created(), NoDecision.EXCLUDED, Money.of("500000.00", "EUR"),
            Period.of(PeriodUnit.QUARTER, LocalDate.of(2026, 1, 1)), Conversion.strict("EUR"));
        SalesSummary fromDeals = SalesMetrics.summary(spec).of(deals);          // with ids, to drill into

        DealColumns.Builder columns = DealColumns.builder(spec.stages(), "EUR", deals.size());
        deals.forEach(d -> columns.add(d, spec.conversion()));                  // or add(status, cents, ...)
        SalesSummary fromColumns = SalesMetrics.summary(spec, columns.build()); // no ids, ~30 bytes a deal
        // end::columns[]
        assertThat(fromColumns).isEqualTo(SalesMetrics.summary(spec).withoutIds().of(deals));
        assertThat(fromDeals.winRateByCount().ids()).containsExactly("1", "2");
        assertThat(fromColumns.winRateByCount().value()).isEqualByComparingTo("0.5");
    }
}
