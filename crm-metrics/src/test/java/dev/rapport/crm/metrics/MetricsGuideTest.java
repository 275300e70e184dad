package dev.rapport.crm.metrics;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
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
        for (String tag : List.of("intro", "deals", "subscriptions")) {
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
}
