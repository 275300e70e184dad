package dev.rapport.crm.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rapport.crm.CrmValidationException;
import dev.rapport.crm.revenue.CurrencyMismatchException;
import dev.rapport.crm.revenue.Money;
import dev.rapport.crm.sales.ForecastCategory;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class MetricFrameworkTest {

    private static final Conversion EUR = Conversion.strict("EUR");
    private static final LocalDate DAY = LocalDate.of(2026, 1, 5);

    private static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    @Test
    void anEmptyDenominatorIsUndefinedNotZero() {
        Ratio winRate = SalesMetrics.winRateByCount(NoDecision.EXCLUDED).of(List.of(Deal.open("o", "ada", eur("1.00"), DAY)));
        assertThat(winRate.status()).isEqualTo(MetricStatus.UNDEFINED);
        assertThat(winRate.value()).isNull();
        assertThat(winRate.valueIfDefined()).isEmpty();
        assertThat(winRate.denominator()).isZero();

        assertThat(CustomerMetrics.nps().of(List.of()).status()).isEqualTo(MetricStatus.UNDEFINED);
        assertThat(SalesMetrics.averageDealSize(EUR).of(List.of()).value()).isNull();
        Stats cycle = SalesMetrics.salesCycleDays(CycleStart.created()).of(List.of());
        assertThat(cycle.status()).isEqualTo(MetricStatus.UNDEFINED);
        assertThat(cycle.mean()).isNull();
        assertThat(cycle.median()).isNull();
        assertThat(RevenueMetrics.grossRevenueRetention(EUR).of(List.of()).status()).isEqualTo(MetricStatus.UNDEFINED);
        assertThat(CustomerValue.simpleClv(eur("100.00"), BigDecimal.ZERO).status()).isEqualTo(MetricStatus.UNDEFINED);
    }

    @Test
    void anOutOfRangeNpsAnswerIsRefusedNamingTheScoreAndChangesNothing() {
        Accumulator<SurveyResponse, NetPromoterScore> acc = CustomerMetrics.nps().newAccumulator();
        acc.add(new SurveyResponse("a", 10));
        CrmValidationException e = catchThrowableOfType(CrmValidationException.class,
                () -> acc.add(new SurveyResponse("b", 11)));
        assertThat(e.field()).isEqualTo("score");
        assertThatThrownBy(() -> acc.add(new SurveyResponse("c", -1))).isInstanceOf(CrmValidationException.class);
        assertThat(acc.result().responses()).isEqualTo(1);
        assertThat(acc.result().ids()).containsExactly("a");
    }

    @Test
    void csatAndCesRefuseAnswersOffTheirScale() {
        assertThat(catchThrowableOfType(CrmValidationException.class,
                () -> CustomerMetrics.csat().of(List.of(new SurveyResponse("a", 0)))).field()).isEqualTo("score");
        assertThat(catchThrowableOfType(CrmValidationException.class,
                () -> CustomerMetrics.ces().of(List.of(new SurveyResponse("a", 8)))).field()).isEqualTo("score");
        assertThat(catchThrowableOfType(CrmValidationException.class,
                () -> CustomerMetrics.csat(5, 6)).field()).isEqualTo("satisfiedFrom");
    }

    @Test
    void amountsInAnotherCurrencyAreRefusedWithoutRates() {
        List<Deal> deals = List.of(Deal.open("a", "ada", eur("10.00"), DAY).won(DAY),
                Deal.open("b", "ada", Money.of("10.00", "USD"), DAY).won(DAY));
        assertThatThrownBy(() -> SalesMetrics.averageDealSize(EUR).of(deals))
                .isInstanceOf(CurrencyMismatchException.class);
    }

    @Test
    void amountsInAnotherCurrencyAreConvertedThroughTheRatesPort() {
        Conversion toEur = Conversion.via("EUR", (from, to, day) -> Optional.of(new BigDecimal("0.5")), DAY);
        List<Deal> deals = List.of(Deal.open("a", "ada", eur("10.00"), DAY).won(DAY),
                Deal.open("b", "ada", Money.of("30.00", "USD"), DAY).won(DAY));
        assertThat(SalesMetrics.averageDealSize(toEur).of(deals).value()).isEqualTo(eur("12.50"));
    }

    @Test
    void groupingKeepsOneResultPerKeyInFirstSeenOrder() {
        List<Deal> deals = List.of(
                Deal.open("1", "bob", eur("10.00"), DAY).won(DAY),
                Deal.open("2", "ada", eur("10.00"), DAY).lost(DAY),
                Deal.open("3", "bob", eur("10.00"), DAY).lost(DAY),
                Deal.open("4", "ada", eur("10.00"), DAY).won(DAY.plusDays(1)),
                Deal.open("5", "ada", eur("10.00"), DAY).won(DAY.plusDays(2)));
        Map<String, Ratio> byOwner = SalesMetrics.winRateByCount(NoDecision.EXCLUDED).groupedBy(Deal::ownerId).of(deals);
        assertThat(byOwner.keySet()).containsExactly("bob", "ada");
        assertThat(byOwner.get("bob").value()).isEqualByComparingTo("0.5");
        assertThat(byOwner.get("ada").value()).isEqualByComparingTo("0.666667");
        assertThat(byOwner.get("ada").ids()).containsExactly("2", "4", "5");
    }

    @Test
    void aMissingGroupKeyIsRefused() {
        Metric<Deal, Map<String, Ratio>> m = SalesMetrics.winRateByCount(NoDecision.EXCLUDED).groupedBy(d -> null);
        assertThat(catchThrowableOfType(CrmValidationException.class,
                () -> m.of(List.of(Deal.open("1", "a", eur("1.00"), DAY)))).field()).isEqualTo("groupKey");
    }

    @Test
    void periodsPlaceInstantsInTheGivenZone() {
        Instant lateFebruaryUtc = Instant.parse("2026-02-28T23:30:00Z");
        assertThat(Period.of(PeriodUnit.MONTH, lateFebruaryUtc, ZoneId.of("UTC")).toString()).isEqualTo("2026-02");
        assertThat(Period.of(PeriodUnit.MONTH, lateFebruaryUtc, ZoneId.of("Europe/Berlin")).toString())
                .isEqualTo("2026-03");
        assertThat(Period.of(PeriodUnit.QUARTER, LocalDate.of(2017, 5, 17)).start()).isEqualTo(LocalDate.of(2017, 4, 1));
        assertThat(Period.of(PeriodUnit.QUARTER, LocalDate.of(2017, 5, 17)).toString()).isEqualTo("2017-Q2");
        assertThat(Period.of(PeriodUnit.WEEK, LocalDate.of(2026, 1, 1)).start()).isEqualTo(LocalDate.of(2025, 12, 29));
        assertThat(Period.of(PeriodUnit.WEEK, LocalDate.of(2026, 1, 1)).toString()).isEqualTo("2026-W01");
        assertThat(Period.of(PeriodUnit.YEAR, LocalDate.of(2026, 7, 1)).endExclusive()).isEqualTo(LocalDate.of(2027, 1, 1));
        assertThat(Period.of(PeriodUnit.DAY, DAY).contains(DAY)).isTrue();
        assertThat(catchThrowableOfType(CrmValidationException.class,
                () -> new Period(PeriodUnit.MONTH, LocalDate.of(2026, 1, 2))).field()).isEqualTo("start");
    }

    @Test
    void groupingByPeriodCountsEachDealInItsClosingMonth() {
        List<Deal> deals = List.of(
                Deal.open("1", "a", eur("1.00"), DAY).won(LocalDate.of(2026, 1, 31)),
                Deal.open("2", "a", eur("1.00"), DAY).lost(LocalDate.of(2026, 2, 1)),
                Deal.open("3", "a", eur("1.00"), DAY).won(LocalDate.of(2026, 2, 27)));
        Map<Period, Ratio> byMonth = SalesMetrics.winRateByCount(NoDecision.EXCLUDED)
                .groupedBy(Period.byDate(PeriodUnit.MONTH, (Deal d) -> d.closedOnIfClosed().orElseThrow()))
                .of(deals);
        assertThat(byMonth.get(Period.of(PeriodUnit.MONTH, LocalDate.of(2026, 1, 1))).value()).isEqualByComparingTo("1");
        assertThat(byMonth.get(Period.of(PeriodUnit.MONTH, LocalDate.of(2026, 2, 1))).value()).isEqualByComparingTo("0.5");
    }

    @Test
    void theMedianOfAnEvenCountIsTheMeanOfTheTwoMiddleValues() {
        List<Deal> deals = new ArrayList<>();
        int[] cycles = {100, 10, 30, 20};
        for (int i = 0; i < cycles.length; i++) {
            deals.add(Deal.open("d" + i, "a", eur("1.00"), DAY).won(DAY.plusDays(cycles[i])));
        }
        Stats s = SalesMetrics.salesCycleDays(CycleStart.created()).of(deals);
        assertThat(s.mean()).isEqualByComparingTo("40");
        assertThat(s.median()).isEqualByComparingTo("25");
        assertThat(s.min()).isEqualTo(10L);
        assertThat(s.max()).isEqualTo(100L);
        deals.add(Deal.open("d9", "a", eur("1.00"), DAY).won(DAY.plusDays(7)));
        assertThat(SalesMetrics.salesCycleDays(CycleStart.created()).of(deals).median()).isEqualByComparingTo("20");
    }

    @Test
    void theCycleCanStartAtAStageAndLeavesOutDealsThatNeverEnteredIt() {
        Deal engaged = Deal.open("e", "a", eur("1.00"), DAY).entered("engaging", DAY.plusDays(10)).won(DAY.plusDays(25));
        Deal neverEngaged = Deal.open("n", "a", eur("1.00"), DAY).won(DAY.plusDays(3));
        Stats s = SalesMetrics.salesCycleDays(CycleStart.stageEntered("engaging")).of(List.of(engaged, neverEngaged));
        assertThat(s.sampleSize()).isEqualTo(1);
        assertThat(s.mean()).isEqualByComparingTo("15");
        assertThat(s.ids()).containsExactly("e");
    }

    @Test
    void accumulatorsOfDifferentMetricsOrSettingsDoNotMerge() {
        Accumulator<Deal, Ratio> count = SalesMetrics.winRateByCount(NoDecision.EXCLUDED).newAccumulator();
        Accumulator<Deal, Ratio> asLost = SalesMetrics.winRateByCount(NoDecision.COUNTED_AS_LOST).newAccumulator();
        Accumulator<Deal, Ratio> value = SalesMetrics.winRateByValue(NoDecision.EXCLUDED, EUR).newAccumulator();
        assertThatThrownBy(() -> count.merge(asLost)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> count.merge(value)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> count.merge(count)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void withoutIdsKeepsTheSampleSizeButListsNoIds() {
        List<SurveyResponse> answers = List.of(new SurveyResponse("a", 9), new SurveyResponse("b", 3));
        NetPromoterScore nps = CustomerMetrics.nps().withoutIds().of(answers);
        assertThat(nps.responses()).isEqualTo(2);
        assertThat(nps.ids()).isEmpty();
        assertThat(CustomerMetrics.nps().of(answers).ids()).containsExactly("a", "b");
    }

    @Test
    void theCollectorMergesParallelPartsToTheSequentialResult() {
        List<SurveyResponse> answers = IntStream.range(0, 10_000)
                .mapToObj(i -> new SurveyResponse("r" + i, (i * 7) % 11)).collect(Collectors.toList());
        NetPromoterScore sequential = CustomerMetrics.nps().withoutIds().of(answers);
        NetPromoterScore parallel = answers.parallelStream().collect(CustomerMetrics.nps().withoutIds().collector());
        assertThat(parallel).isEqualTo(sequential);
    }

    @Test
    void resultsSerializeToJsonWithPlainJackson() throws Exception {
        ObjectMapper json = new ObjectMapper();
        Ratio ratio = Ratio.of(3, 4, 4, List.of("a"));
        JsonNode r = json.readTree(json.writeValueAsString(ratio));
        assertThat(r.get("status").asText()).isEqualTo("DEFINED");
        assertThat(r.get("value").decimalValue()).isEqualByComparingTo("0.75");
        assertThat(r.get("ids").get(0).asText()).isEqualTo("a");

        JsonNode undefined = json.readTree(json.writeValueAsString(Ratio.of(0, 0, 0, List.of())));
        assertThat(undefined.get("status").asText()).isEqualTo("UNDEFINED");
        assertThat(undefined.get("value").isNull()).isTrue();

        MoneyRatio avg = MoneyRatio.of(eur("10.00"), BigDecimal.valueOf(4), 4, List.of());
        JsonNode m = json.readTree(json.writeValueAsString(avg));
        assertThat(m.get("value").get("amount").decimalValue()).isEqualByComparingTo("2.50");
        assertThat(m.get("value").get("currency").asText()).isEqualTo("EUR");

        Map<Period, Ratio> byMonth = Map.of(Period.of(PeriodUnit.MONTH, DAY), ratio);
        assertThat(json.readTree(json.writeValueAsString(byMonth)).has("2026-01")).isTrue();

        Deal d = Deal.open("1", "a", eur("10.00"), DAY).won(DAY.plusDays(4));
        Map<String, Stats> typical = SalesMetrics.daysInStage().of(List.of(
                Deal.open("h", "a", eur("1.00"), DAY).entered("s", DAY).entered("t", DAY.plusDays(1))));
        for (Object result : List.of(CustomerMetrics.nps().of(List.of(new SurveyResponse("a", 9))),
                SalesMetrics.salesCycleDays(CycleStart.created()).of(List.of(d)),
                SalesMetrics.forecast(EUR).of(List.of(d)),
                SalesMetrics.pipelineVelocity(CycleStart.created(), NoDecision.EXCLUDED, EUR).of(List.of(d)),
                SalesMetrics.funnel(List.of("qualify"), FunnelVariant.STRICT).of(List.of(d)),
                RevenueMetrics.mrrMovements(EUR).of(List.of(new CustomerMrr("c", eur("1.00"), eur("2.00"), true))),
                CustomerMetrics.rfm(DAY, EUR).of(List.of(new Purchase("p", "c", DAY, eur("5.00")))),
                MarketingMetrics.leadSourcePerformance(EUR).of(List.of(
                        new LeadOutcome("l", dev.rapport.crm.lead.LeadSource.WEB_FORM, true, eur("1.00")))),
                SalesMetrics.stalledDeals(typical, DAY.plusDays(30), BigDecimal.ONE)
                        .of(List.of(Deal.open("o", "a", eur("1.00"), DAY).entered("s", DAY))),
                HealthModel.of(Map.of("usage", BigDecimal.ONE), BigDecimal.TEN, BigDecimal.ONE)
                        .score(new HealthSignals("c", Map.of("usage", new BigDecimal("0.5")))),
                LeadScoringModel.trainer(BigDecimal.ONE, 1).of(List.of(
                        new ScoringExample("x", Map.of("f", "v"), true), new ScoringExample("y", Map.of("f", "w"), false)))
                        .score(Map.of("f", "v")))) {
            assertThat(json.writeValueAsString(result)).matches("(?s)^[\\[{].*[\\]}]$").doesNotContain("NaN");
        }
    }

    @Test
    void rfmScoresQuintilesAndGivesTiesTheLowerScore() {
        LocalDate asOf = LocalDate.of(2026, 3, 31);
        List<Purchase> purchases = new ArrayList<>();
        // Ten customers c0..c9: ci bought i+1 times, last on asOf minus (10 - i) days, each time 10 x (i+1) EUR.
        for (int i = 0; i < 10; i++) {
            for (int k = 0; k <= i; k++) {
                purchases.add(new Purchase("p" + i + "-" + k, "c" + i, asOf.minusDays(10 - i), eur(10 * (i + 1) + ".00")));
            }
        }
        // Two more who tie with c0 on every dimension.
        purchases.add(new Purchase("t1", "t1", asOf.minusDays(10), eur("10.00")));
        purchases.add(new Purchase("t2", "t2", asOf.minusDays(10), eur("10.00")));
        List<RfmScore> scores = CustomerMetrics.rfm(asOf, EUR).of(purchases);
        Map<String, RfmScore> byCustomer = scores.stream().collect(Collectors.toMap(RfmScore::customerId, s -> s));
        assertThat(scores).extracting(RfmScore::customerId).isSorted();
        // 12 customers; c0, t1, t2 tie at positions 0..2 and all score floor(5 x 0 / 12) + 1 = 1.
        assertThat(byCustomer.get("c0").segment()).isEqualTo("111");
        assertThat(byCustomer.get("t1").segment()).isEqualTo("111");
        assertThat(byCustomer.get("t2").segment()).isEqualTo("111");
        // c9 is at position 11: floor(55 / 12) + 1 = 5 on every dimension.
        assertThat(byCustomer.get("c9").segment()).isEqualTo("555");
        assertThat(byCustomer.get("c9").frequency()).isEqualTo(10);
        assertThat(byCustomer.get("c9").monetary()).isEqualTo(eur("1000.00"));
        assertThat(byCustomer.get("c9").recencyDays()).isEqualTo(1);
        // c4 is at position 7: floor(35 / 12) + 1 = 3.
        assertThat(byCustomer.get("c4").segment()).isEqualTo("333");
    }

    @Test
    void rfmRefusesPurchasesAfterTheAsOfDay() {
        LocalDate asOf = LocalDate.of(2026, 3, 31);
        assertThat(catchThrowableOfType(CrmValidationException.class,
                () -> CustomerMetrics.rfm(asOf, EUR).of(List.of(new Purchase("p", "c", asOf.plusDays(1), eur("1.00")))))
                .field()).isEqualTo("date");
    }

    private static Deal path(String id, DealStatus status, String... stages) {
        Deal d = Deal.open(id, "a", eur("1.00"), DAY);
        for (int i = 0; i < stages.length; i++) {
            d = d.entered(stages[i], DAY.plusDays(i));
        }
        return status == DealStatus.OPEN ? d : d.closed(status, DAY.plusDays(stages.length));
    }

    @Test
    void theStrictFunnelStopsAtASkippedStageWhileAnyStageCountsIt() {
        List<String> stages = List.of("qualify", "propose", "negotiate");
        List<Deal> deals = List.of(
                path("1", DealStatus.WON, "qualify", "propose", "negotiate"),
                path("2", DealStatus.WON, "qualify", "negotiate"),
                path("3", DealStatus.LOST, "qualify", "propose"),
                path("4", DealStatus.OPEN, "qualify"));
        Funnel strict = SalesMetrics.funnel(stages, FunnelVariant.STRICT).of(deals);
        assertThat(strict.steps()).extracting(FunnelStep::count).containsExactly(4L, 2L, 1L, 1L);
        assertThat(strict.steps().get(1).fromPrevious().value()).isEqualByComparingTo("0.5");
        assertThat(strict.steps().get(3).fromFirst().value()).isEqualByComparingTo("0.25");
        assertThat(strict.steps().get(3).stage()).isEqualTo("won");

        Funnel any = SalesMetrics.funnel(stages, FunnelVariant.ANY_STAGE).of(deals);
        assertThat(any.steps()).extracting(FunnelStep::count).containsExactly(4L, 3L, 2L, 2L);
        assertThat(any.steps().get(2).fromPrevious().value()).isEqualByComparingTo("0.666667");
        assertThat(any.steps().get(3).fromFirst().value()).isEqualByComparingTo("0.5");
        assertThat(any.steps().get(2).fromPrevious().ids()).containsExactly("1", "2");
    }

    @Test
    void thePeriodFunnelCountsEntriesWithinThePeriod() {
        List<String> stages = List.of("qualify", "propose");
        Deal early = Deal.open("1", "a", eur("1.00"), DAY).entered("qualify", LocalDate.of(2025, 12, 20))
                .entered("propose", LocalDate.of(2026, 1, 10)).won(LocalDate.of(2026, 1, 20));
        Deal inJanuary = Deal.open("2", "a", eur("1.00"), DAY).entered("qualify", LocalDate.of(2026, 1, 3));
        Funnel f = SalesMetrics.funnelInPeriod(stages, Period.of(PeriodUnit.MONTH, DAY)).of(List.of(early, inJanuary));
        assertThat(f.periodBasis()).isTrue();
        assertThat(f.steps()).extracting(FunnelStep::count).containsExactly(1L, 1L, 1L);

        // Proposing in January without having qualified: any-stage counts it, strict does not.
        Deal skipped = Deal.open("3", "a", eur("1.00"), DAY).entered("propose", LocalDate.of(2026, 1, 8))
                .won(LocalDate.of(2026, 1, 9));
        List<Deal> deals = List.of(early, inJanuary, skipped);
        Period january = Period.of(PeriodUnit.MONTH, DAY);
        assertThat(SalesMetrics.funnelInPeriod(stages, january, FunnelVariant.ANY_STAGE).of(deals).steps())
                .extracting(FunnelStep::count).containsExactly(1L, 2L, 2L);
        assertThat(SalesMetrics.funnelInPeriod(stages, january, FunnelVariant.STRICT).of(deals).steps())
                .extracting(FunnelStep::count).containsExactly(1L, 1L, 1L);
    }

    @Test
    void funnelStagesMustBeDistinctAndNotWon() {
        assertThat(catchThrowableOfType(CrmValidationException.class,
                () -> SalesMetrics.funnel(List.of("a", "a"), FunnelVariant.STRICT)).field()).isEqualTo("stages");
        assertThat(catchThrowableOfType(CrmValidationException.class,
                () -> SalesMetrics.funnel(List.of("won"), FunnelVariant.STRICT)).field()).isEqualTo("stages");
        assertThat(catchThrowableOfType(CrmValidationException.class,
                () -> SalesMetrics.funnel(List.of(), FunnelVariant.STRICT)).field()).isEqualTo("stages");
    }

    @Test
    void stageProbabilitiesAreLearnedFromClosedDealsOnly() {
        List<String> stages = List.of("qualify", "propose", "negotiate");
        List<Deal> deals = List.of(
                path("1", DealStatus.WON, "qualify", "propose", "negotiate"),
                path("2", DealStatus.LOST, "qualify"),
                path("3", DealStatus.LOST, "qualify", "propose"),
                path("4", DealStatus.WON, "qualify"),
                path("5", DealStatus.OPEN, "qualify", "propose"),
                path("6", DealStatus.NO_DECISION, "qualify"));
        Map<String, Ratio> excluded = SalesMetrics.stageProbabilities(stages, NoDecision.EXCLUDED).of(deals);
        assertThat(excluded.keySet()).containsExactly("qualify", "propose", "negotiate");
        assertThat(excluded.get("qualify").value()).isEqualByComparingTo("0.5");   // 2 won of 4 closed
        assertThat(excluded.get("propose").value()).isEqualByComparingTo("0.666667"); // 1, 3 and won 4
        assertThat(excluded.get("negotiate").value()).isEqualByComparingTo("1");  // 1 and 4 (won passes all)
        Map<String, Ratio> asLost = SalesMetrics.stageProbabilities(stages, NoDecision.COUNTED_AS_LOST).of(deals);
        assertThat(asLost.get("qualify").value()).isEqualByComparingTo("0.4");
    }

    @Test
    void forecastRollsCategoriesUpCumulatively() {
        List<Deal> deals = List.of(
                Deal.open("p", "a", eur("100.00"), DAY).inStage("q", new BigDecimal("0.1"), ForecastCategory.PIPELINE),
                Deal.open("b", "a", eur("200.00"), DAY).inStage("p", new BigDecimal("0.5"), ForecastCategory.BEST_CASE),
                Deal.open("c", "a", eur("400.00"), DAY).inStage("n", new BigDecimal("0.9"), ForecastCategory.COMMIT),
                Deal.open("w", "a", eur("800.00"), DAY).won(DAY),
                Deal.open("l", "a", eur("1600.00"), DAY).inStage("n", new BigDecimal("0.9"), ForecastCategory.COMMIT).lost(DAY));
        ForecastRollup f = SalesMetrics.forecast(EUR).of(deals);
        assertThat(f.closed()).isEqualTo(eur("800.00"));
        assertThat(f.omitted()).isEqualTo(eur("1600.00"));
        assertThat(f.commitForecast()).isEqualTo(eur("1200.00"));
        assertThat(f.bestCaseForecast()).isEqualTo(eur("1400.00"));
        assertThat(f.openPipeline()).isEqualTo(eur("700.00"));
    }

    @Test
    void slaLeavesOutTicketsStillWithinTargetAndCountsOverdueOnesAsBreached() {
        Instant t0 = Instant.parse("2026-01-05T09:00:00Z");
        java.time.Duration hour = java.time.Duration.ofHours(1);
        List<TicketTimes> tickets = List.of(
                new TicketTimes("pending", dev.rapport.crm.service.TicketPriority.LOW, t0, null, null, hour, null),
                new TicketTimes("overdue", dev.rapport.crm.service.TicketPriority.LOW, t0.minusSeconds(7200), null, null, hour, null),
                new TicketTimes("met", dev.rapport.crm.service.TicketPriority.LOW, t0.minusSeconds(7200),
                        t0.minusSeconds(7000), null, hour, null),
                new TicketTimes("untargeted", dev.rapport.crm.service.TicketPriority.LOW, t0, t0, null, null, null));
        Ratio sla = ServiceMetrics.slaAttainment(SlaKind.FIRST_RESPONSE, t0.plusSeconds(60)).of(tickets);
        assertThat(sla.ids()).containsExactly("overdue", "met");
        assertThat(sla.value()).isEqualByComparingTo("0.5");
    }

    @Test
    void leadSourcePerformanceGroupsBySource() {
        List<LeadOutcome> leads = List.of(
                new LeadOutcome("1", dev.rapport.crm.lead.LeadSource.WEB_FORM, true, eur("1000.00")),
                new LeadOutcome("2", dev.rapport.crm.lead.LeadSource.WEB_FORM, false, null),
                new LeadOutcome("3", dev.rapport.crm.lead.LeadSource.PAID_ADS, false, null));
        Map<dev.rapport.crm.lead.LeadSource, SourcePerformance> bySource =
                MarketingMetrics.leadSourcePerformance(EUR).groupedBy(LeadOutcome::source).of(leads);
        SourcePerformance web = bySource.get(dev.rapport.crm.lead.LeadSource.WEB_FORM);
        assertThat(web.leads()).isEqualTo(2);
        assertThat(web.conversionRate().value()).isEqualByComparingTo("0.5");
        assertThat(web.revenuePerLead().value()).isEqualTo(eur("500.00"));
        assertThat(bySource.get(dev.rapport.crm.lead.LeadSource.PAID_ADS).wonRevenue().total()).isEqualTo(eur("0.00"));
    }

    @Test
    void badInputRecordsNameTheField() {
        assertThat(catchThrowableOfType(CrmValidationException.class,
                () -> Deal.open("1", "a", eur("-1.00"), DAY)).field()).isEqualTo("amount");
        assertThat(catchThrowableOfType(CrmValidationException.class,
                () -> Deal.open("1", "a", eur("1.00"), DAY).won(DAY.minusDays(1))).field()).isEqualTo("closedOn");
        assertThat(catchThrowableOfType(CrmValidationException.class,
                () -> Deal.open("1", "a", eur("1.00"), DAY).inStage("x", new BigDecimal("1.5"), ForecastCategory.COMMIT))
                .field()).isEqualTo("probability");
        assertThat(catchThrowableOfType(CrmValidationException.class,
                () -> new CustomerMrr("c", eur("-1.00"), eur("0.00"), false)).field()).isEqualTo("startMrr");
        assertThat(catchThrowableOfType(CrmValidationException.class,
                () -> CustomerValue.simpleClv(eur("1.00"), new BigDecimal("1.2"))).field()).isEqualTo("churnRate");
        assertThat(catchThrowableOfType(CrmValidationException.class,
                () -> new SurveyResponse(" ", 3)).field()).isEqualTo("id");
    }

    @Test
    void customerMrrAddsUpSubscriptionsAndTellsReactivationFromNew() {
        Period march = Period.of(PeriodUnit.MONTH, LocalDate.of(2026, 3, 1));
        List<SubscriptionMrr> subs = List.of(
                // Expands on March 10th.
                new SubscriptionMrr("s1", "a", List.of(new MrrPoint(LocalDate.of(2026, 1, 1), eur("100.00")),
                        new MrrPoint(LocalDate.of(2026, 3, 10), eur("150.00")))),
                // Customer b moves from one subscription to another in March: a contraction at customer level.
                new SubscriptionMrr("s2", "b", List.of(new MrrPoint(LocalDate.of(2026, 1, 1), eur("200.00")),
                        new MrrPoint(LocalDate.of(2026, 3, 5), eur("0.00")))),
                new SubscriptionMrr("s3", "b", List.of(new MrrPoint(LocalDate.of(2026, 3, 5), eur("120.00")))),
                // Customer c paid in January, churned in February and comes back on March 31st.
                new SubscriptionMrr("s4", "c", List.of(new MrrPoint(LocalDate.of(2026, 1, 1), eur("50.00")),
                        new MrrPoint(LocalDate.of(2026, 2, 1), eur("0.00")),
                        new MrrPoint(LocalDate.of(2026, 3, 31), eur("60.00")))),
                // Customer d starts on April 1st: not in March.
                new SubscriptionMrr("s5", "d", List.of(new MrrPoint(LocalDate.of(2026, 4, 1), eur("10.00")))));
        List<CustomerMrr> customers = RevenueMetrics.customerMrr(march, EUR).of(subs);
        assertThat(customers).containsExactly(
                new CustomerMrr("a", eur("100.00"), eur("150.00"), true),
                new CustomerMrr("b", eur("200.00"), eur("120.00"), true),
                new CustomerMrr("c", eur("0.00"), eur("60.00"), true),
                new CustomerMrr("d", eur("0.00"), eur("0.00"), false));
        MrrMovements m = RevenueMetrics.mrrMovements(EUR).of(customers);
        assertThat(m.expansion()).isEqualTo(eur("50.00"));
        assertThat(m.contraction()).isEqualTo(eur("80.00"));
        assertThat(m.reactivation()).isEqualTo(eur("60.00"));
        assertThat(m.churned()).isEqualTo(eur("0.00"));
        assertThat(catchThrowableOfType(CrmValidationException.class, () -> new SubscriptionMrr("s", "c",
                List.of(new MrrPoint(DAY, eur("1.00")), new MrrPoint(DAY, eur("2.00"))))).field()).isEqualTo("history");
    }

    @Test
    void groupingByEachCountsAnItemUnderEveryKeyOnce() {
        List<Deal> deals = List.of(
                Deal.open("1", "a", eur("10.00"), DAY).selling(List.of("van", "truck", "van")).won(DAY),
                Deal.open("2", "a", eur("10.00"), DAY).selling(List.of("van")).lost(DAY),
                Deal.open("3", "a", eur("10.00"), DAY).won(DAY));
        Map<String, Ratio> byProduct = SalesMetrics.winRateByCount(NoDecision.EXCLUDED)
                .groupedByEach(Deal::productIds).of(deals);
        assertThat(byProduct.keySet()).containsExactly("van", "truck");
        assertThat(byProduct.get("van").value()).isEqualByComparingTo("0.5");
        assertThat(byProduct.get("van").sampleSize()).isEqualTo(2);
        assertThat(byProduct.get("truck").ids()).containsExactly("1");
        assertThat(catchThrowableOfType(CrmValidationException.class, () -> SalesMetrics.winRateByCount(NoDecision.EXCLUDED)
                .groupedByEach((Deal d) -> java.util.Arrays.asList("x", null)).of(deals)).field()).isEqualTo("groupKey");
    }

    @Test
    void daysInStageLearnsTypicalTimesAndStalledDealsAreRecommendedForALook() {
        LocalDate d0 = LocalDate.of(2026, 1, 1);
        List<Deal> history = List.of(
                Deal.open("h1", "a", eur("1.00"), d0).entered("qualify", d0).entered("propose", d0.plusDays(10))
                        .entered("negotiate", d0.plusDays(14)).won(d0.plusDays(20)),
                Deal.open("h2", "a", eur("1.00"), d0).entered("qualify", d0).entered("propose", d0.plusDays(4))
                        .lost(d0.plusDays(8)));
        Map<String, Stats> typical = SalesMetrics.daysInStage().of(history);
        assertThat(typical.keySet()).containsExactly("qualify", "propose");
        assertThat(typical.get("qualify").median()).isEqualByComparingTo("7");
        assertThat(typical.get("propose").median()).isEqualByComparingTo("4");

        LocalDate today = LocalDate.of(2026, 3, 1);
        List<Deal> open = List.of(
                Deal.open("A", "ada", eur("1.00"), d0).entered("propose", today.minusDays(10)),
                Deal.open("B", "bob", eur("1.00"), d0).entered("propose", today.minusDays(5)),
                Deal.open("C", "cy", eur("1.00"), d0).entered("negotiate", today.minusDays(90)),
                Deal.open("D", "dee", eur("1.00"), d0).entered("qualify", today.minusDays(20)),
                Deal.open("E", "eve", eur("1.00"), d0).entered("qualify", today.minusDays(90)).lost(today));
        List<StalledDeal> stalled = SalesMetrics.stalledDeals(typical, today, new BigDecimal("1.5")).of(open);
        assertThat(stalled).extracting(StalledDeal::dealId).containsExactly("D", "A");
        assertThat(stalled.get(0).daysInStage()).isEqualTo(20);
        assertThat(stalled.get(0).typicalDays()).isEqualByComparingTo("7");
        assertThat(stalled.get(1).ownerId()).isEqualTo("ada");
    }
}
