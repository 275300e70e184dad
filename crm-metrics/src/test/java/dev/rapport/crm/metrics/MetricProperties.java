package dev.rapport.crm.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.crm.property.Gen;
import dev.rapport.crm.property.PropertyCheck;
import dev.rapport.crm.revenue.Money;
import dev.rapport.crm.sales.ForecastCategory;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Invariants of the calculators, checked with Rapport's property engine. */
class MetricProperties {

    private static final Conversion EUR = Conversion.strict("EUR");
    private static final LocalDate DAY = LocalDate.of(2026, 1, 5);
    private static final List<String> STAGES = List.of("qualify", "propose", "negotiate");

    /** Lists of codes decoded into valid items; codes shrink toward 0, so counterexamples stay small. */
    private static final Gen<List<Long>> CODES = Gen.lists(Gen.longs(0, Long.MAX_VALUE / 2), 0, 60);
    private static final Gen<Integer> SPLIT = Gen.integers(0, 100);

    private static int digit(long code, int position, int base) {
        long v = code;
        for (int i = 0; i < position; i++) {
            v /= 97;
        }
        return (int) (v % base);
    }

    /** A deal from a code: status, amount, owner, stage path, cycle and probability vary. */
    static Deal deal(int index, long code) {
        DealStatus status = DealStatus.values()[digit(code, 0, 4)];
        Money amount = Money.of(BigDecimal.valueOf(digit(code, 1, 90) * 1000L + digit(code, 2, 97), 2), "EUR");
        Deal d = Deal.open("d" + index, "owner" + digit(code, 3, 4), amount, DAY);
        int reached = digit(code, 4, STAGES.size() + 1);
        boolean skip = digit(code, 5, 3) == 0;
        for (int i = 0; i < reached; i++) {
            if (!(skip && i == 1)) {
                d = d.entered(STAGES.get(i), DAY.plusDays(i));
            }
        }
        BigDecimal probability = BigDecimal.valueOf(digit(code, 6, 11), 1);
        d = d.inStage(d.stage(), probability, ForecastCategory.values()[digit(code, 7, 5)]);
        return status == DealStatus.OPEN ? d : d.closed(status, DAY.plusDays(reached + digit(code, 8, 90)));
    }

    static List<Deal> deals(List<Long> codes) {
        List<Deal> out = new ArrayList<>(codes.size());
        for (int i = 0; i < codes.size(); i++) {
            out.add(deal(i, codes.get(i)));
        }
        return out;
    }

    static List<CustomerMrr> customers(List<Long> codes) {
        List<CustomerMrr> out = new ArrayList<>(codes.size());
        for (int i = 0; i < codes.size(); i++) {
            long c = codes.get(i);
            Money start = digit(c, 0, 3) == 0 ? Money.zero("EUR") : Money.of(BigDecimal.valueOf(digit(c, 1, 97) * 100L + digit(c, 2, 97), 2), "EUR");
            Money end = digit(c, 3, 3) == 0 ? Money.zero("EUR") : Money.of(BigDecimal.valueOf(digit(c, 4, 97) * 100L + digit(c, 5, 97), 2), "EUR");
            out.add(new CustomerMrr("c" + i, start, end, digit(c, 6, 2) == 0));
        }
        return out;
    }

    static List<SubscriptionMrr> subscriptions(List<Long> codes) {
        List<SubscriptionMrr> out = new ArrayList<>(codes.size());
        for (int i = 0; i < codes.size(); i++) {
            long c = codes.get(i);
            List<MrrPoint> history = new ArrayList<>();
            LocalDate day = DAY.minusDays(60);
            for (int k = 0; k < digit(c, 0, 4); k++) {
                day = day.plusDays(1 + digit(c, 1 + k, 40));
                int mrr = digit(c, 5 + k, 3) == 0 ? 0 : 100 * (1 + digit(c, 5 + k, 20));
                history.add(new MrrPoint(day, Money.of(BigDecimal.valueOf(mrr), "EUR")));
            }
            out.add(new SubscriptionMrr("s" + i, "c" + digit(c, 9, 5), history));
        }
        return out;
    }

    static List<SurveyResponse> answers(List<Long> codes) {
        List<SurveyResponse> out = new ArrayList<>(codes.size());
        for (int i = 0; i < codes.size(); i++) {
            out.add(new SurveyResponse("r" + i, digit(codes.get(i), 0, 11)));
        }
        return out;
    }

    static List<Purchase> purchases(List<Long> codes) {
        List<Purchase> out = new ArrayList<>(codes.size());
        for (int i = 0; i < codes.size(); i++) {
            long c = codes.get(i);
            out.add(new Purchase("p" + i, "c" + digit(c, 0, 7), DAY.minusDays(digit(c, 1, 60)),
                    Money.of(BigDecimal.valueOf(digit(c, 2, 97) * 100L + digit(c, 3, 97), 2), "EUR")));
        }
        return out;
    }

    /** Splits the items at a percentage, accumulates both halves separately and merges them. */
    static <T, R> R splitAndMerge(Metric<T, R> metric, List<T> items, int percent) {
        int cut = items.size() * percent / 100;
        Accumulator<T, R> left = metric.newAccumulator();
        Accumulator<T, R> right = metric.newAccumulator();
        items.subList(0, cut).forEach(left::add);
        items.subList(cut, items.size()).forEach(right::add);
        left.merge(right);
        return left.result();
    }

    private static void inUnitInterval(Ratio r) {
        if (r.status() == MetricStatus.DEFINED) {
            assertThat(r.value()).isBetween(BigDecimal.ZERO, BigDecimal.ONE);
        }
    }

    @Test
    void winRatesAndCohortConversionsLieBetweenZeroAndOne() {
        PropertyCheck.forAll(CODES).tries(200).check(codes -> {
            List<Deal> deals = deals(codes);
            for (NoDecision nd : NoDecision.values()) {
                inUnitInterval(SalesMetrics.winRateByCount(nd).of(deals));
                inUnitInterval(SalesMetrics.winRateByValue(nd, EUR).of(deals));
                SalesMetrics.stageProbabilities(STAGES, nd).of(deals).values().forEach(MetricProperties::inUnitInterval);
            }
            for (FunnelVariant v : FunnelVariant.values()) {
                for (FunnelStep step : SalesMetrics.funnel(STAGES, v).of(deals).steps()) {
                    inUnitInterval(step.fromPrevious());
                    inUnitInterval(step.fromFirst());
                }
            }
            inUnitInterval(CustomerMetrics.csat(10, 9).of(answers(codes).stream()
                    .map(a -> new SurveyResponse(a.id(), Math.max(1, a.score())))));
        });
    }

    @Test
    void theAnyStageFunnelNeverCountsFewerDealsThanTheStrictOne() {
        PropertyCheck.forAll(CODES).check(codes -> {
            List<Deal> deals = deals(codes);
            List<FunnelStep> strict = SalesMetrics.funnel(STAGES, FunnelVariant.STRICT).of(deals).steps();
            List<FunnelStep> any = SalesMetrics.funnel(STAGES, FunnelVariant.ANY_STAGE).of(deals).steps();
            for (int i = 0; i < strict.size(); i++) {
                assertThat(any.get(i).count()).isGreaterThanOrEqualTo(strict.get(i).count());
                if (i > 0) {
                    assertThat(strict.get(i).count()).isLessThanOrEqualTo(strict.get(i - 1).count());
                }
            }
        });
    }

    @Test
    void grossRevenueRetentionNeverExceedsOneHundredPercent() {
        PropertyCheck.forAll(CODES).tries(300).check(codes -> {
            List<CustomerMrr> customers = customers(codes);
            inUnitInterval(RevenueMetrics.grossRevenueRetention(EUR).of(customers));
            inUnitInterval(RevenueMetrics.logoChurn().of(customers));
            inUnitInterval(RevenueMetrics.customerRetention().of(customers));
            Ratio grr = RevenueMetrics.grossRevenueRetention(EUR).of(customers);
            Ratio nrr = RevenueMetrics.netRevenueRetention(EUR).of(customers);
            if (grr.status() == MetricStatus.DEFINED) {
                assertThat(nrr.value()).isGreaterThanOrEqualTo(grr.value());
            }
        });
    }

    @Test
    void mrrMovementsAddUpToTheEndingMrr() {
        PropertyCheck.forAll(CODES).tries(300).check(codes -> {
            List<CustomerMrr> customers = customers(codes);
            MrrMovements m = RevenueMetrics.mrrMovements(EUR).of(customers);
            Money start = Money.zero("EUR");
            Money end = Money.zero("EUR");
            for (CustomerMrr c : customers) {
                start = start.plus(c.startMrr());
                end = end.plus(c.endMrr());
            }
            assertThat(m.start()).isEqualTo(start);
            assertThat(m.end()).isEqualTo(end);
            assertThat(m.start().plus(m.newMrr()).plus(m.expansion()).plus(m.reactivation())
                    .minus(m.contraction()).minus(m.churned())).isEqualTo(m.end());
        });
    }

    @Test
    void splittingAndMergingEqualsComputingTheWhole() {
        PropertyCheck.forAll(CODES, SPLIT).tries(150).check((codes, percent) -> {
            List<Deal> deals = deals(codes);
            List<Metric<Deal, ?>> salesMetrics = List.of(
                    SalesMetrics.winRateByCount(NoDecision.EXCLUDED).groupedBy(Deal::ownerId),
                    SalesMetrics.winRateByValue(NoDecision.COUNTED_AS_LOST, EUR),
                    SalesMetrics.averageDealSize(EUR).groupedBy(Deal::ownerId),
                    SalesMetrics.salesCycleDays(CycleStart.stageEntered("qualify")),
                    SalesMetrics.pipelineVelocity(CycleStart.created(), NoDecision.EXCLUDED, EUR),
                    SalesMetrics.pipelineCoverage(Money.of("50000.00", "EUR"), EUR),
                    SalesMetrics.weightedPipeline(EUR).groupedBy(Period.byDate(PeriodUnit.WEEK, Deal::createdOn)),
                    SalesMetrics.forecast(EUR),
                    SalesMetrics.funnel(STAGES, FunnelVariant.STRICT),
                    SalesMetrics.funnelInPeriod(STAGES, Period.of(PeriodUnit.MONTH, DAY)),
                    SalesMetrics.funnelInPeriod(STAGES, Period.of(PeriodUnit.WEEK, DAY), FunnelVariant.STRICT),
                    SalesMetrics.stageProbabilities(STAGES, NoDecision.EXCLUDED),
                    SalesMetrics.daysInStage(),
                    SalesMetrics.stalledDeals(SalesMetrics.daysInStage().of(deals), DAY.plusDays(30), BigDecimal.ONE));
            for (Metric<Deal, ?> metric : salesMetrics) {
                assertThat(splitAndMerge(metric, deals, percent)).isEqualTo(metric.of(deals));
            }
            List<CustomerMrr> customers = customers(codes);
            for (Metric<CustomerMrr, ?> metric : List.of(RevenueMetrics.mrrMovements(EUR),
                    RevenueMetrics.netRevenueRetention(EUR), RevenueMetrics.customerRetention())) {
                assertThat(splitAndMerge(metric, customers, percent)).isEqualTo(metric.of(customers));
            }
            List<SubscriptionMrr> subs = subscriptions(codes);
            Metric<SubscriptionMrr, List<CustomerMrr>> customerMrr =
                    RevenueMetrics.customerMrr(Period.of(PeriodUnit.MONTH, DAY), EUR);
            assertThat(splitAndMerge(customerMrr, subs, percent)).isEqualTo(customerMrr.of(subs));
            Metric<SurveyResponse, NetPromoterScore> nps = CustomerMetrics.nps();
            assertThat(splitAndMerge(nps, answers(codes), percent)).isEqualTo(nps.of(answers(codes)));
            Metric<Purchase, List<RfmScore>> rfm = CustomerMetrics.rfm(DAY, EUR);
            assertThat(splitAndMerge(rfm, purchases(codes), percent)).isEqualTo(rfm.of(purchases(codes)));
        });
    }

    @Test
    void theHistogramMedianEqualsTheSortedMedian() {
        PropertyCheck.forAll(Gen.lists(Gen.integers(0, 400), 1, 200)).tries(300).check(days -> {
            List<Deal> deals = new ArrayList<>();
            for (int i = 0; i < days.size(); i++) {
                deals.add(Deal.open("d" + i, "o", Money.of("1.00", "EUR"), DAY).won(DAY.plusDays(days.get(i))));
            }
            List<Integer> sorted = new ArrayList<>(days);
            Collections.sort(sorted);
            int n = sorted.size();
            BigDecimal expected = BigDecimal.valueOf((long) sorted.get((n - 1) / 2) + sorted.get(n / 2))
                    .divide(BigDecimal.valueOf(2));
            Stats stats = SalesMetrics.salesCycleDays(CycleStart.created()).of(deals);
            assertThat(stats.median()).isEqualByComparingTo(expected);
            assertThat(stats.min()).isEqualTo((long) sorted.get(0));
            assertThat(stats.max()).isEqualTo((long) sorted.get(n - 1));
        });
    }

    @Test
    void npsLiesBetweenMinusAndPlusOneHundred() {
        PropertyCheck.forAll(CODES).check(codes -> {
            NetPromoterScore nps = CustomerMetrics.nps().of(answers(codes));
            if (nps.status() == MetricStatus.DEFINED) {
                assertThat(nps.score()).isBetween(BigDecimal.valueOf(-100), BigDecimal.valueOf(100));
            }
            Map<Boolean, NetPromoterScore> grouped = CustomerMetrics.nps()
                    .groupedBy((SurveyResponse r) -> r.score() >= 9).of(answers(codes));
            grouped.values().forEach(g -> assertThat(g.responses()).isPositive());
        });
    }
}
