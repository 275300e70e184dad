package dev.rapport.crm.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.crm.CrmValidationException;
import dev.rapport.crm.property.Gen;
import dev.rapport.crm.property.PropertyCheck;
import dev.rapport.crm.revenue.CurrencyMismatchException;
import dev.rapport.crm.revenue.Money;
import dev.rapport.crm.sales.ForecastCategory;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The one-pass sales summary, over deals and over columns, against the calculators one by one.
 */
class SalesSummaryProperties {

    private static final Conversion EUR = Conversion.strict("EUR");
    private static final List<String> STAGES = List.of("qualify", "propose", "negotiate");
    private static final Gen<List<Long>> CODES = Gen.lists(Gen.longs(0, Long.MAX_VALUE / 2), 0, 60);
    private static final Gen<Integer> SETTINGS = Gen.integers(0, 7);

    private static SalesSummarySpec spec(int settings) {
        CycleStart start = (settings & 1) == 0 ? CycleStart.created() : CycleStart.stageEntered("qualify");
        NoDecision nd = (settings & 2) == 0 ? NoDecision.EXCLUDED : NoDecision.COUNTED_AS_LOST;
        Period period = (settings & 4) == 0 ? Period.of(PeriodUnit.MONTH, LocalDate.of(2026, 1, 1))
                : Period.of(PeriodUnit.QUARTER, LocalDate.of(2026, 1, 1));
        return new SalesSummarySpec(STAGES, start, nd, Money.of("25000.00", "EUR"), period, EUR);
    }

    /** MetricProperties' deals, some with entries out of order, repeated or in stages outside the funnel. */
    static List<Deal> deals(List<Long> codes) {
        List<Deal> out = new ArrayList<>();
        for (Deal d : MetricProperties.deals(codes)) {
            long code = codes.get(out.size());
            int twist = (int) (code % 5);
            LocalDate day = d.createdOn().plusDays(code % 7);
            Deal t = d;
            if (twist == 1) {
                t = withHistory(d, List.of(new StageVisit("propose", day), new StageVisit("qualify", day.plusDays(1)),
                        new StageVisit("propose", day.plusDays(2))));
            } else if (twist == 2) {
                t = withHistory(d, List.of(new StageVisit("demo", day), new StageVisit("qualify", day.plusDays(20))));
            }
            out.add(t);
        }
        return out;
    }

    private static Deal withHistory(Deal d, List<StageVisit> history) {
        return new Deal(d.id(), d.ownerId(), d.pipelineId(), d.source(), d.productIds(), d.amount(), d.status(),
                d.createdOn(), d.closedOn() == null ? null : d.closedOn().plusDays(30), d.stage(), d.probability(),
                d.forecastCategory(), history);
    }

    private static DealColumns columns(List<Deal> deals) {
        DealColumns.Builder b = DealColumns.builder(STAGES, "EUR", 4);
        deals.forEach(d -> b.add(d, EUR));
        return b.build();
    }

    @Test
    void theColumnsTheDealsAndEachCalculatorAgree() {
        PropertyCheck.forAll(CODES, SETTINGS).tries(300).check((codes, settings) -> {
            List<Deal> deals = deals(codes);
            SalesSummarySpec spec = spec(settings);
            SalesSummary overDeals = SalesMetrics.summary(spec).withoutIds().of(deals);
            SalesSummary overColumns = SalesMetrics.summary(spec, columns(deals));
            assertThat(overColumns).isEqualTo(overDeals);

            assertThat(overDeals.winRateByCount()).isEqualTo(
                    SalesMetrics.winRateByCount(spec.noDecision()).withoutIds().of(deals));
            assertThat(overDeals.winRateByValue()).isEqualTo(
                    SalesMetrics.winRateByValue(spec.noDecision(), EUR).withoutIds().of(deals));
            assertThat(overDeals.salesCycle()).isEqualTo(
                    SalesMetrics.salesCycleDays(spec.cycleStart()).withoutIds().of(deals));
            assertThat(overDeals.weightedPipeline()).isEqualTo(SalesMetrics.weightedPipeline(EUR).withoutIds().of(deals));
            assertThat(overDeals.forecast()).isEqualTo(SalesMetrics.forecast(EUR).withoutIds().of(deals));
            assertThat(overDeals.cohortStrict()).isEqualTo(
                    SalesMetrics.funnel(STAGES, FunnelVariant.STRICT).withoutIds().of(deals));
            assertThat(overDeals.periodStrict()).isEqualTo(
                    SalesMetrics.funnelInPeriod(STAGES, spec.period(), FunnelVariant.STRICT).withoutIds().of(deals));
            assertThat(overDeals.stageProbabilities()).isEqualTo(
                    SalesMetrics.stageProbabilities(STAGES, spec.noDecision()).withoutIds().of(deals));
            assertThat(overDeals.velocity()).isEqualTo(SalesMetrics.pipelineVelocity(spec.cycleStart(),
                    spec.noDecision(), EUR).withoutIds().of(deals));
        });
    }

    @Test
    void splittingAndMergingTheSummaryEqualsTheWhole() {
        PropertyCheck.forAll(CODES, SETTINGS).tries(100).check((codes, settings) -> {
            List<Deal> deals = deals(codes);
            Metric<Deal, SalesSummary> summary = SalesMetrics.summary(spec(settings));
            Metric<Deal, SalesSummary> metric = settings % 2 == 0 ? summary : summary.withoutIds();
            Accumulator<Deal, SalesSummary> left = metric.newAccumulator();
            Accumulator<Deal, SalesSummary> right = metric.newAccumulator();
            int cut = deals.size() / 3;
            deals.subList(0, cut).forEach(left::add);
            deals.subList(cut, deals.size()).forEach(right::add);
            left.merge(right);
            assertThat(left.result()).isEqualTo(metric.of(deals));
        });
    }

    @Test
    void theDealPathWithoutIdsHandlesManyDealsAndManyDistinctProbabilities() {
        List<Deal> deals = new ArrayList<>();
        for (int i = 0; i < 40_000; i++) {
            LocalDate created = LocalDate.of(2026, 1, 1).plusDays(i % 90);
            Deal d = Deal.open("d" + i, "o", Money.of(BigDecimal.valueOf(100 + i % 977, 2), "EUR"), created)
                    .entered("qualify", created).entered("propose", created.plusDays(i % 13));
            d = d.inStage("propose", BigDecimal.valueOf(i % 300, 3), ForecastCategory.BEST_CASE);
            deals.add(i % 3 == 0 ? d : i % 3 == 1 ? d.won(created.plusDays(20 + i % 40)) : d.lost(created.plusDays(30)));
        }
        SalesSummarySpec spec = spec(3);
        Accumulator<Deal, SalesSummary> acc = SalesMetrics.summary(spec).withoutIds().newAccumulator();
        deals.forEach(acc::add);
        SalesSummary first = acc.result();
        assertThat(acc.result()).isEqualTo(first); // reading does not change the state
        assertThat(first.weightedPipeline()).isEqualTo(SalesMetrics.weightedPipeline(EUR).withoutIds().of(deals));
        assertThat(first.salesCycle()).isEqualTo(SalesMetrics.salesCycleDays(spec.cycleStart()).withoutIds().of(deals));
        assertThat(first.forecast()).isEqualTo(SalesMetrics.forecast(EUR).withoutIds().of(deals));
        assertThat(first.periodAnyStage()).isEqualTo(
                SalesMetrics.funnelInPeriod(STAGES, spec.period(), FunnelVariant.ANY_STAGE).withoutIds().of(deals));
        // a refused deal leaves the state as it was
        Deal foreign = Deal.open("usd", "o", Money.of("1.00", "USD"), LocalDate.of(2026, 1, 1));
        assertThatThrownBy(() -> acc.add(foreign)).isInstanceOf(CurrencyMismatchException.class);
        Deal early = Deal.open("x", "o", Money.of("1.00", "EUR"), LocalDate.of(2026, 1, 1))
                .entered("qualify", LocalDate.of(2026, 2, 1)).won(LocalDate.of(2026, 1, 15));
        assertThatThrownBy(() -> acc.add(early)).isInstanceOf(CrmValidationException.class);
        assertThat(acc.result()).isEqualTo(first);
    }

    @Test
    void aLongCycleBeyondTheDenseRangeStillGivesTheExactMedian() {
        LocalDate created = LocalDate.of(1, 1, 1);
        List<Deal> deals = List.of(
                Deal.open("a", "o", Money.of("1.00", "EUR"), created).won(created.plusDays(3)),
                Deal.open("b", "o", Money.of("1.00", "EUR"), created).won(LocalDate.of(9999, 1, 1)),
                Deal.open("c", "o", Money.of("1.00", "EUR"), created).won(LocalDate.of(9999, 1, 1)));
        SalesSummarySpec spec = spec(0);
        SalesSummary overColumns = SalesMetrics.summary(spec, columns(deals));
        assertThat(overColumns.salesCycle().median()).isEqualByComparingTo(
                String.valueOf(ChronoUnit.DAYS.between(created, LocalDate.of(9999, 1, 1))));
        assertThat(overColumns.salesCycle().min()).isEqualTo(3L);
        assertThat(overColumns).isEqualTo(SalesMetrics.summary(spec).withoutIds().of(deals));
    }

    @Test
    void columnsRefuseWhatDealsRefuse() {
        DealColumns.Builder b = DealColumns.builder(STAGES, "EUR", 1);
        assertThatThrownBy(() -> b.add(DealStatus.WON, 100, BigDecimal.ONE,
                ForecastCategory.COMMIT, 10, DealColumns.NOT_CLOSED, new int[0], new int[0]))
                .isInstanceOfSatisfying(CrmValidationException.class, e -> assertThat(e.field()).isEqualTo("closedOn"));
        assertThatThrownBy(() -> b.add(DealStatus.OPEN, -1, BigDecimal.ONE,
                ForecastCategory.COMMIT, 10, DealColumns.NOT_CLOSED, new int[0], new int[0]))
                .isInstanceOfSatisfying(CrmValidationException.class, e -> assertThat(e.field()).isEqualTo("amount"));
        assertThatThrownBy(() -> b.add(DealStatus.OPEN, 1, BigDecimal.ONE,
                ForecastCategory.COMMIT, 10, DealColumns.NOT_CLOSED, new int[] {3}, new int[] {10}))
                .isInstanceOfSatisfying(CrmValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("entryStages"));
        assertThat(b.build().size()).isZero();
        assertThatThrownBy(() -> SalesMetrics.summary(spec(0), DealColumns.builder(List.of("other"), "EUR", 0).build()))
                .isInstanceOfSatisfying(CrmValidationException.class, e -> assertThat(e.field()).isEqualTo("columns"));
        assertThatThrownBy(() -> new SalesSummarySpec(STAGES, CycleStart.stageEntered("demo"), NoDecision.EXCLUDED,
                Money.of("1.00", "EUR"), Period.of(PeriodUnit.MONTH, LocalDate.of(2026, 1, 1)), EUR))
                .isInstanceOfSatisfying(CrmValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("cycleStart"));
        // a won deal closed before its cycle start is refused by both paths
        Deal early = Deal.open("x", "o", Money.of("1.00", "EUR"), LocalDate.of(2026, 1, 1))
                .entered("qualify", LocalDate.of(2026, 2, 1)).won(LocalDate.of(2026, 1, 15));
        assertThatThrownBy(() -> SalesMetrics.summary(spec(1)).of(List.of(early)))
                .isInstanceOfSatisfying(CrmValidationException.class, e -> assertThat(e.field()).isEqualTo("closedOn"));
        assertThatThrownBy(() -> SalesMetrics.summary(spec(1), columns(List.of(early))))
                .isInstanceOfSatisfying(CrmValidationException.class, e -> assertThat(e.field()).isEqualTo("closedOn"));
    }
}
