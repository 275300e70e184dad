package dev.rapport.crm.metrics;

import dev.rapport.crm.CrmValidationException;
import dev.rapport.crm.revenue.Money;
import dev.rapport.crm.sales.ForecastCategory;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.IntFunction;
import org.jspecify.annotations.Nullable;

/**
 * Sales metrics over {@link Deal}s: win rate (by count and by value), average deal size, sales
 * cycle (mean and median), pipeline velocity, pipeline coverage, weighted pipeline, forecast
 * roll-ups, funnel conversion and stage-to-close probabilities learned from closed deals. Open
 * deals never enter a win rate; deals closed without a decision follow {@link NoDecision}.
 *
 * <pre>{@code
 * Conversion eur = Conversion.strict("EUR");
 * Ratio winRate = SalesMetrics.winRateByCount(NoDecision.EXCLUDED).of(deals);
 * Map<String, MoneyRatio> avgByOwner = SalesMetrics.averageDealSize(eur).groupedBy(Deal::ownerId).of(deals);
 * Stats cycle = SalesMetrics.salesCycleDays(CycleStart.stageEntered("engaging")).of(deals);
 * Ratio coverage = SalesMetrics.pipelineCoverage(Money.of("500000.00", "EUR"), eur).of(deals);
 * }</pre>
 */
public final class SalesMetrics {

    private SalesMetrics() {
    }

    /**
     * Win rate by count: won deals over closed deals.
     *
     * @param noDecision whether no-decision deals count as lost or are left out
     * @return the metric; undefined when no deal is closed
     */
    public static Metric<Deal, Ratio> winRateByCount(NoDecision noDecision) {
        return sales(Kind.WIN_RATE_COUNT, noDecision, null, null, null, Ratio.class);
    }

    /**
     * Win rate by value: the amount won over the amount of closed deals.
     *
     * @param noDecision whether no-decision deals count as lost or are left out
     * @param conversion the reporting currency
     * @return the metric; undefined when the closed amount is 0
     */
    public static Metric<Deal, Ratio> winRateByValue(NoDecision noDecision, Conversion conversion) {
        return sales(Kind.WIN_RATE_VALUE, noDecision, Objects.requireNonNull(conversion, "conversion"), null, null,
                Ratio.class);
    }

    /**
     * Average deal size: the amount won over the number of won deals.
     *
     * @param conversion the reporting currency
     * @return the metric; undefined when nothing was won
     */
    public static Metric<Deal, MoneyRatio> averageDealSize(Conversion conversion) {
        return sales(Kind.AVERAGE_DEAL, NoDecision.EXCLUDED, Objects.requireNonNull(conversion, "conversion"), null,
                null, MoneyRatio.class);
    }

    /**
     * Sales cycle of won deals in days, from a start point to the close day: mean and median.
     *
     * @param start where the cycle starts; won deals whose history lacks it are left out
     * @return the metric; a close day before the start is refused on {@code "closedOn"}
     */
    public static Metric<Deal, Stats> salesCycleDays(CycleStart start) {
        return sales(Kind.CYCLE, NoDecision.EXCLUDED, null, Objects.requireNonNull(start, "start"), null,
                Stats.class);
    }

    /**
     * Pipeline velocity: open deals × win rate × average won deal / mean cycle days of won deals.
     *
     * @param start where the cycle starts
     * @param noDecision how the win rate treats no-decision deals
     * @param conversion the reporting currency
     * @return the metric
     */
    public static Metric<Deal, PipelineVelocity> pipelineVelocity(CycleStart start, NoDecision noDecision,
            Conversion conversion) {
        return sales(Kind.VELOCITY, noDecision, Objects.requireNonNull(conversion, "conversion"),
                Objects.requireNonNull(start, "start"), null, PipelineVelocity.class);
    }

    /**
     * Pipeline coverage: the amount of open deals over a quota (3.0 means the pipeline is three
     * times the target). Pass the deals expected to close in the quota's period.
     *
     * @param quota the target, converted to the reporting currency
     * @param conversion the reporting currency
     * @return the metric; undefined when the quota is 0
     */
    public static Metric<Deal, Ratio> pipelineCoverage(Money quota, Conversion conversion) {
        Objects.requireNonNull(conversion, "conversion");
        Money q = conversion.toReporting(Inputs.present(quota, "quota"));
        Inputs.check(!q.isNegative(), "quota", "must not be negative");
        return sales(Kind.COVERAGE, NoDecision.EXCLUDED, conversion, null, q, Ratio.class);
    }

    /**
     * Weighted pipeline: the sum over open deals of amount × stage probability, summed exactly and
     * rounded once, half-even, to the currency's minor unit.
     *
     * @param conversion the reporting currency
     * @return the metric
     */
    public static Metric<Deal, MoneyTotal> weightedPipeline(Conversion conversion) {
        return sales(Kind.WEIGHTED, NoDecision.EXCLUDED, Objects.requireNonNull(conversion, "conversion"), null,
                null, MoneyTotal.class);
    }

    /**
     * The sum of open deals' amounts.
     *
     * @param conversion the reporting currency
     * @return the metric
     */
    public static Metric<Deal, MoneyTotal> openPipeline(Conversion conversion) {
        return sales(Kind.OPEN, NoDecision.EXCLUDED, Objects.requireNonNull(conversion, "conversion"), null, null,
                MoneyTotal.class);
    }

    /**
     * Amounts per forecast category with cumulative roll-ups (see {@link ForecastRollup}).
     *
     * @param conversion the reporting currency
     * @return the metric
     */
    public static Metric<Deal, ForecastRollup> forecast(Conversion conversion) {
        return sales(Kind.FORECAST, NoDecision.EXCLUDED, Objects.requireNonNull(conversion, "conversion"), null,
                null, ForecastRollup.class);
    }

    /**
     * Funnel conversion on the cohort basis: each deal is followed through the stages (read from
     * its stage history) and, last, to won.
     *
     * @param stages the funnel's stages in order (at least one, no repeats, not {@code "won"})
     * @param variant strict or any-stage
     * @return the metric
     * @throws CrmValidationException if the stages are empty or repeat
     */
    public static Metric<Deal, Funnel> funnel(List<String> stages, FunnelVariant variant) {
        List<String> s = stages(stages);
        Objects.requireNonNull(variant, "variant");
        return new SimpleMetric<>(keep -> new FunnelAcc(s, variant, null, keep));
    }

    /**
     * Funnel conversion on the period basis, any-stage: each step counts the deals that first
     * entered the stage (or were won) within the period, whatever their path. A step's
     * conversion may exceed 1.
     *
     * @param stages the funnel's stages in order (at least one, no repeats, not {@code "won"})
     * @param period the period
     * @return the metric
     * @throws CrmValidationException if the stages are empty or repeat
     */
    public static Metric<Deal, Funnel> funnelInPeriod(List<String> stages, Period period) {
        return funnelInPeriod(stages, period, FunnelVariant.ANY_STAGE);
    }

    /**
     * Funnel conversion on the period basis: each step counts the entries into the stage (or
     * wins) within the period. {@link FunnelVariant#ANY_STAGE} counts a deal's first entry into
     * the stage whatever its path; {@link FunnelVariant#STRICT} counts it only when the deal had
     * entered every earlier stage before, in order (the entry the strict path reached the stage
     * by, and a win only after the whole path). A step's conversion may exceed 1.
     *
     * @param stages the funnel's stages in order (at least one, no repeats, not {@code "won"})
     * @param period the period
     * @param variant strict or any-stage
     * @return the metric
     * @throws CrmValidationException if the stages are empty or repeat
     */
    public static Metric<Deal, Funnel> funnelInPeriod(List<String> stages, Period period, FunnelVariant variant) {
        List<String> s = stages(stages);
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(variant, "variant");
        return new SimpleMetric<>(keep -> new FunnelAcc(s, variant, period, keep));
    }

    /**
     * Stage-to-close probabilities learned from closed deals: for each stage, the share of the
     * closed deals that reached it (any-stage: entering a later stage or being won counts) and were
     * won. Open deals are not read.
     *
     * @param stages the stages in order (at least one, no repeats)
     * @param noDecision whether no-decision deals count as lost or are left out
     * @return the metric, a ratio per stage in the given order
     * @throws CrmValidationException if the stages are empty or repeat
     */
    public static Metric<Deal, Map<String, Ratio>> stageProbabilities(List<String> stages, NoDecision noDecision) {
        List<String> s = stages(stages);
        Objects.requireNonNull(noDecision, "noDecision");
        return new SimpleMetric<>(keep -> new StageProbabilityAcc(s, noDecision, keep));
    }

    /**
     * Time in stage: for each stage, the days deals spent in it (from entering it to entering the
     * next stage), mean and median, in first-seen stage order. A stage a deal is still in, or
     * closed in, has no end yet and is not counted.
     *
     * @return the metric
     */
    public static Metric<Deal, Map<String, Stats>> daysInStage() {
        return new SimpleMetric<>(StageTimeAcc::new);
    }

    /**
     * Stalled deals, a recommendation: the open deals that have been in their current stage for
     * more than {@code factor} times the median days deals spend there ({@link #daysInStage()}),
     * longest overrun first (then by id). Stages without a typical time are not judged. The
     * result lists deals, so it grows with the stalled deals, not with the groups.
     *
     * @param typical the time in stage learned from history, by stage
     * @param asOf the day the deals are judged on
     * @param factor how many times the median counts as stalled, above 0 (e.g. 1.5)
     * @return the metric
     * @throws CrmValidationException if the factor is not above 0
     */
    public static Metric<Deal, List<StalledDeal>> stalledDeals(Map<String, Stats> typical, LocalDate asOf,
            BigDecimal factor) {
        Inputs.present(typical, "typical");
        Inputs.present(asOf, "asOf");
        Inputs.present(factor, "factor");
        Inputs.check(factor.signum() > 0, "factor", "must be above 0");
        Map<String, BigDecimal> medians = new LinkedHashMap<>();
        typical.forEach((stage, stats) -> {
            if (stats.median() != null) {
                medians.put(stage, stats.median());
            }
        });
        return new SimpleMetric<>(keep -> new StalledAcc(Map.copyOf(medians), asOf, factor));
    }

    /**
     * Every sales metric in one pass over deals: win rates, average deal size, sales cycle,
     * velocity, coverage, weighted and open pipeline, forecast roll-ups, the four funnels (cohort
     * and period basis, strict and any-stage) and the stage-to-close probabilities. Each part
     * equals the result of its own calculator with the same settings.
     *
     * @param spec the settings
     * @return the metric; a deal that one of the calculators refuses is refused before any part
     *     takes it
     */
    public static Metric<Deal, SalesSummary> summary(SalesSummarySpec spec) {
        Objects.requireNonNull(spec, "spec");
        return new SimpleMetric<>(keep -> keep || spec.stages().size() > DealColumns.MAX_STAGES
                ? new SummaryAcc(spec, keep) : ColumnarSales.accumulator(spec));
    }

    /** What a part of the summary could refuse, checked before any part takes the deal. */
    static void checkForSummary(SalesSummarySpec spec, Deal deal) {
        Objects.requireNonNull(deal, "deal");
        spec.conversion().toReporting(deal.amount());
        if (deal.status() == DealStatus.WON) {
            LocalDate from = spec.cycleStart().of(deal).orElse(null);
            if (from != null && Objects.requireNonNull(deal.closedOn()).isBefore(from)) {
                throw new CrmValidationException("closedOn", "is before the cycle start");
            }
        }
    }

    /**
     * The sales summary over columns: the same results as {@link #summary(SalesSummarySpec)} over
     * the same deals, without ids, computed in one pass that allocates nothing per deal. Use it for
     * millions of deals; see {@link DealColumns}.
     *
     * @param spec the settings
     * @param columns the deals, in the spec's stages and reporting currency
     * @return the summary
     * @throws CrmValidationException on {@code "columns"} if they follow other stages or another
     *     currency, or on {@code "closedOn"} if a won deal closed before its cycle start
     */
    public static SalesSummary summary(SalesSummarySpec spec, DealColumns columns) {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(columns, "columns");
        return ColumnarSales.summarize(spec, columns);
    }

    /** The summary's parts, each the accumulator of its own calculator. */
    private static final class SummaryAcc implements Accumulator<Deal, SalesSummary> {
        private final SalesSummarySpec spec;
        private final List<Accumulator<Deal, ?>> parts = new ArrayList<>();

        SummaryAcc(SalesSummarySpec spec, boolean keep) {
            this.spec = spec;
            Conversion c = spec.conversion();
            List<Metric<Deal, ?>> metrics = List.of(winRateByCount(spec.noDecision()),
                    winRateByValue(spec.noDecision(), c), averageDealSize(c), salesCycleDays(spec.cycleStart()),
                    pipelineVelocity(spec.cycleStart(), spec.noDecision(), c), pipelineCoverage(spec.quota(), c),
                    weightedPipeline(c), openPipeline(c), forecast(c), funnel(spec.stages(), FunnelVariant.STRICT),
                    funnel(spec.stages(), FunnelVariant.ANY_STAGE),
                    funnelInPeriod(spec.stages(), spec.period(), FunnelVariant.STRICT),
                    funnelInPeriod(spec.stages(), spec.period(), FunnelVariant.ANY_STAGE),
                    stageProbabilities(spec.stages(), spec.noDecision()));
            for (Metric<Deal, ?> m : metrics) {
                parts.add((keep ? m : m.withoutIds()).newAccumulator());
            }
        }

        @Override
        public void add(Deal deal) {
            checkForSummary(spec, deal);
            for (Accumulator<Deal, ?> part : parts) {
                part.add(deal);
            }
        }

        @Override
        @SuppressWarnings({"unchecked", "rawtypes"}) // parts at the same index come from equal metrics
        public void merge(Accumulator<Deal, SalesSummary> other) {
            SummaryAcc that = SimpleMetric.same(this, other, SummaryAcc.class, a -> a.spec);
            for (int i = 0; i < parts.size(); i++) {
                ((Accumulator) parts.get(i)).merge(that.parts.get(i));
            }
        }

        @Override
        @SuppressWarnings("unchecked") // the parts' result types are fixed by the list above
        public SalesSummary result() {
            List<Object> r = new ArrayList<>(parts.size());
            for (Accumulator<Deal, ?> part : parts) {
                r.add(part.result());
            }
            return new SalesSummary((Ratio) r.get(0), (Ratio) r.get(1), (MoneyRatio) r.get(2), (Stats) r.get(3),
                    (PipelineVelocity) r.get(4), (Ratio) r.get(5), (MoneyTotal) r.get(6), (MoneyTotal) r.get(7),
                    (ForecastRollup) r.get(8), (Funnel) r.get(9), (Funnel) r.get(10), (Funnel) r.get(11),
                    (Funnel) r.get(12), (Map<String, Ratio>) r.get(13));
        }
    }

    /** Per stage: the days spent in it, as mergeable stats. */
    private static final class StageTimeAcc implements Accumulator<Deal, Map<String, Stats>> {
        private final boolean keep;
        private final Map<String, StatsState> stages = new LinkedHashMap<>();

        StageTimeAcc(boolean keep) {
            this.keep = keep;
        }

        @Override
        public void add(Deal deal) {
            Objects.requireNonNull(deal, "deal");
            List<StageVisit> history = deal.stageHistory();
            for (int i = 0; i + 1 < history.size(); i++) {
                long days = ChronoUnit.DAYS.between(history.get(i).enteredOn(), history.get(i + 1).enteredOn());
                if (days < 0) {
                    throw new CrmValidationException("stageHistory", "goes back in time");
                }
            }
            for (int i = 0; i + 1 < history.size(); i++) {
                long days = ChronoUnit.DAYS.between(history.get(i).enteredOn(), history.get(i + 1).enteredOn());
                stages.computeIfAbsent(history.get(i).stage(), k -> new StatsState(keep)).add(days, deal.id());
            }
        }

        @Override
        public void merge(Accumulator<Deal, Map<String, Stats>> other) {
            StageTimeAcc that = SimpleMetric.same(this, other, StageTimeAcc.class, a -> "daysInStage");
            that.stages.forEach((stage, state) -> {
                StatsState mine = stages.get(stage);
                if (mine == null) {
                    stages.put(stage, state);
                } else {
                    mine.merge(state);
                }
            });
        }

        @Override
        public Map<String, Stats> result() {
            Map<String, Stats> out = new LinkedHashMap<>();
            stages.forEach((stage, state) -> out.put(stage, state.result("days")));
            return Collections.unmodifiableMap(out);
        }
    }

    /** Open deals past factor × the median of their stage. */
    private static final class StalledAcc implements Accumulator<Deal, List<StalledDeal>> {
        private final Map<String, BigDecimal> medians;
        private final LocalDate asOf;
        private final BigDecimal factor;
        private final List<StalledDeal> stalled = new ArrayList<>();

        StalledAcc(Map<String, BigDecimal> medians, LocalDate asOf, BigDecimal factor) {
            this.medians = medians;
            this.asOf = asOf;
            this.factor = factor;
        }

        @Override
        public void add(Deal deal) {
            Objects.requireNonNull(deal, "deal");
            if (deal.status() != DealStatus.OPEN) {
                return;
            }
            BigDecimal median = medians.get(deal.stage());
            if (median == null) {
                return;
            }
            List<StageVisit> history = deal.stageHistory();
            LocalDate entered = history.isEmpty() ? deal.createdOn() : history.get(history.size() - 1).enteredOn();
            long days = ChronoUnit.DAYS.between(entered, asOf);
            if (BigDecimal.valueOf(days).compareTo(median.multiply(factor)) > 0) {
                stalled.add(new StalledDeal(deal.id(), deal.ownerId(), deal.stage(), days, median));
            }
        }

        @Override
        public void merge(Accumulator<Deal, List<StalledDeal>> other) {
            StalledAcc that = SimpleMetric.same(this, other, StalledAcc.class,
                    a -> List.of(a.medians, a.asOf, a.factor.stripTrailingZeros()));
            stalled.addAll(that.stalled);
        }

        @Override
        public List<StalledDeal> result() {
            List<StalledDeal> out = new ArrayList<>(stalled);
            out.sort(java.util.Comparator.comparing(
                    (StalledDeal d) -> BigDecimal.valueOf(d.daysInStage()).subtract(d.typicalDays())).reversed()
                    .thenComparing(StalledDeal::dealId));
            return List.copyOf(out);
        }
    }

    static List<String> stages(List<String> stages) {
        Inputs.present(stages, "stages");
        Inputs.check(!stages.isEmpty(), "stages", "must not be empty");
        Set<String> seen = new HashSet<>();
        for (String stage : stages) {
            Inputs.id(stage, "stages");
            Inputs.check(!stage.equals(WON), "stages", "must not name the final step won");
            Inputs.check(seen.add(stage), "stages", "must not repeat a stage");
        }
        return List.copyOf(stages);
    }

    static final String WON = "won";

    private enum Kind { WIN_RATE_COUNT, WIN_RATE_VALUE, AVERAGE_DEAL, CYCLE, VELOCITY, COVERAGE, WEIGHTED, OPEN, FORECAST }

    private static <R> Metric<Deal, R> sales(Kind kind, NoDecision noDecision, @Nullable Conversion conversion,
            @Nullable CycleStart start, @Nullable Money quota, Class<R> type) {
        Objects.requireNonNull(noDecision, "noDecision");
        return new SimpleMetric<>(keep -> new SalesAcc<>(kind, noDecision, conversion, start, quota, type, keep));
    }

    private static final class SalesAcc<R> implements Accumulator<Deal, R> {
        private final Kind kind;
        private final NoDecision noDecision;
        private final Conversion conversion;
        private final @Nullable CycleStart start;
        private final @Nullable Money quota;
        private final Class<R> type;
        private final Ids ids;
        private final StatsState cycle;
        private long won;
        private long closed;
        private long open;
        private long sample;
        private BigDecimal wonAmount = BigDecimal.ZERO;
        private BigDecimal closedAmount = BigDecimal.ZERO;
        private BigDecimal openAmount = BigDecimal.ZERO;
        private BigDecimal weighted = BigDecimal.ZERO;
        private final BigDecimal[] byCategory = new BigDecimal[ForecastCategory.values().length];

        SalesAcc(Kind kind, NoDecision noDecision, @Nullable Conversion conversion, @Nullable CycleStart start,
                @Nullable Money quota, Class<R> type, boolean keep) {
            this.kind = kind;
            this.noDecision = noDecision;
            this.conversion = conversion == null ? Conversion.strict("XXX") : conversion;
            this.start = start;
            this.quota = quota;
            this.type = type;
            this.ids = new Ids(keep);
            this.cycle = new StatsState(keep && kind == Kind.CYCLE);
            java.util.Arrays.fill(byCategory, BigDecimal.ZERO);
        }

        private boolean needsAmounts() {
            return kind != Kind.WIN_RATE_COUNT && kind != Kind.CYCLE;
        }

        @Override
        public void add(Deal deal) {
            Objects.requireNonNull(deal, "deal");
            BigDecimal amount = needsAmounts() ? conversion.toReporting(deal.amount()).amount() : BigDecimal.ZERO;
            long cycleDays = -1;
            if (deal.status() == DealStatus.WON && start != null) {
                LocalDate from = start.of(deal).orElse(null);
                if (from != null) {
                    cycleDays = ChronoUnit.DAYS.between(from, deal.closedOn());
                    if (cycleDays < 0) {
                        throw new CrmValidationException("closedOn", "is before the cycle start");
                    }
                }
            }
            // Every check is done: now change the state.
            sample++;
            boolean countsAsClosed = deal.status() == DealStatus.WON || deal.status() == DealStatus.LOST
                    || deal.status() == DealStatus.NO_DECISION && noDecision == NoDecision.COUNTED_AS_LOST;
            if (deal.status() == DealStatus.OPEN) {
                open++;
                openAmount = openAmount.add(amount);
                weighted = weighted.add(amount.multiply(deal.probability()));
            } else if (countsAsClosed) {
                closed++;
                closedAmount = closedAmount.add(amount);
                if (deal.status() == DealStatus.WON) {
                    won++;
                    wonAmount = wonAmount.add(amount);
                }
            }
            int c = deal.effectiveCategory().ordinal();
            byCategory[c] = byCategory[c].add(amount);
            if (cycleDays >= 0) {
                cycle.add(cycleDays, deal.id());
            }
            if (contributes(deal, countsAsClosed)) {
                ids.add(deal.id());
            }
        }

        private boolean contributes(Deal deal, boolean countsAsClosed) {
            switch (kind) {
                case WIN_RATE_COUNT:
                case WIN_RATE_VALUE:
                    return countsAsClosed;
                case AVERAGE_DEAL:
                    return deal.status() == DealStatus.WON;
                case CYCLE:
                    return false; // the cycle's own ids list the deals with a start point
                case COVERAGE:
                case WEIGHTED:
                case OPEN:
                    return deal.status() == DealStatus.OPEN;
                default:
                    return true;
            }
        }

        @Override
        public void merge(Accumulator<Deal, R> other) {
            @SuppressWarnings("unchecked") // same kind means same result type
            SalesAcc<R> that = SimpleMetric.same(this, other, SalesAcc.class,
                    a -> java.util.Arrays.asList(a.kind, a.noDecision, a.conversion, a.start, a.quota));
            won += that.won;
            closed += that.closed;
            open += that.open;
            sample += that.sample;
            wonAmount = wonAmount.add(that.wonAmount);
            closedAmount = closedAmount.add(that.closedAmount);
            openAmount = openAmount.add(that.openAmount);
            weighted = weighted.add(that.weighted);
            for (int i = 0; i < byCategory.length; i++) {
                byCategory[i] = byCategory[i].add(that.byCategory[i]);
            }
            cycle.merge(that.cycle);
            ids.addAll(that.ids);
        }

        private Money money(BigDecimal amount) {
            return SalesMetrics.money(amount, conversion);
        }

        private long contributors() {
            switch (kind) {
                case WIN_RATE_COUNT:
                case WIN_RATE_VALUE:
                    return closed;
                case AVERAGE_DEAL:
                    return won;
                case COVERAGE:
                case WEIGHTED:
                case OPEN:
                    return open;
                default:
                    return sample;
            }
        }

        @Override
        public R result() {
            List<String> list = ids.list();
            long n = contributors();
            Object out;
            switch (kind) {
                case WIN_RATE_COUNT:
                    out = Ratio.of(won, closed, n, list);
                    break;
                case WIN_RATE_VALUE:
                    out = Ratio.of(wonAmount, closedAmount, n, list);
                    break;
                case AVERAGE_DEAL:
                    out = MoneyRatio.of(money(wonAmount), BigDecimal.valueOf(won), n, list);
                    break;
                case CYCLE:
                    out = cycle.result("days");
                    break;
                case COVERAGE:
                    out = Ratio.of(openAmount, Objects.requireNonNull(quota, "quota").amount(), n, list);
                    break;
                case WEIGHTED:
                    out = new MoneyTotal(money(weighted), n, list);
                    break;
                case OPEN:
                    out = new MoneyTotal(money(openAmount), n, list);
                    break;
                case FORECAST:
                    out = forecast(list);
                    break;
                case VELOCITY:
                    out = velocity(list);
                    break;
                default:
                    throw new IllegalStateException("unknown kind " + kind);
            }
            return type.cast(out);
        }

        private ForecastRollup forecast(List<String> list) {
            return forecastOf(byCategory, sample, list, conversion);
        }

        private PipelineVelocity velocity(List<String> list) {
            return velocityOf(open, won, closed, wonAmount, cycle.result("days"), conversion);
        }
    }

    /** An exact amount in the reporting currency, rounded once, half-even, to its minor unit. */
    static Money money(BigDecimal amount, Conversion conversion) {
        int scale = conversion.zero().amount().scale();
        return new Money(amount.setScale(scale, RoundingMode.HALF_EVEN), conversion.currency());
    }

    /** The forecast roll-ups from the sums per effective forecast category (by ordinal). */
    static ForecastRollup forecastOf(BigDecimal[] byCategory, long sample, List<String> list, Conversion conversion) {
        Money pipeline = money(byCategory[ForecastCategory.PIPELINE.ordinal()], conversion);
        Money bestCase = money(byCategory[ForecastCategory.BEST_CASE.ordinal()], conversion);
        Money commit = money(byCategory[ForecastCategory.COMMIT.ordinal()], conversion);
        Money closedWon = money(byCategory[ForecastCategory.CLOSED.ordinal()], conversion);
        Money omitted = money(byCategory[ForecastCategory.OMITTED.ordinal()], conversion);
        return new ForecastRollup(pipeline, bestCase, commit, closedWon, omitted, closedWon.plus(commit),
                closedWon.plus(commit).plus(bestCase), pipeline.plus(bestCase).plus(commit), sample, list);
    }

    /** Velocity = open × (won / closed) × (won amount / won) / (cycle sum / cycle count), divided once. */
    static PipelineVelocity velocityOf(long open, long won, long closed, BigDecimal wonAmount, Stats stats,
            Conversion conversion) {
        Ratio winRate = Ratio.of(won, closed, closed, List.of());
        MoneyRatio average = MoneyRatio.of(money(wonAmount, conversion), BigDecimal.valueOf(won), won, List.of());
        long cycleCount = stats.sampleSize();
        if (won == 0 || closed == 0 || stats.sum() == 0) {
            return new PipelineVelocity(MetricStatus.UNDEFINED, null, open, winRate, average, stats);
        }
        BigDecimal numerator = BigDecimal.valueOf(open).multiply(wonAmount).multiply(BigDecimal.valueOf(cycleCount));
        BigDecimal denominator = BigDecimal.valueOf(closed).multiply(BigDecimal.valueOf(stats.sum()));
        int scale = conversion.zero().amount().scale();
        Money perDay = new Money(numerator.divide(denominator, scale, RoundingMode.HALF_EVEN), conversion.currency());
        return new PipelineVelocity(MetricStatus.DEFINED, perDay, open, winRate, average, stats);
    }

    /** A funnel from the count of each step (the won step last) and the ids of each step. */
    static Funnel funnelOf(List<String> stages, FunnelVariant variant, boolean periodBasis, long[] counts,
            IntFunction<List<String>> ids) {
        List<FunnelStep> steps = new ArrayList<>(counts.length);
        for (int i = 0; i < counts.length; i++) {
            List<String> reached = ids.apply(i);
            long previous = counts[i == 0 ? 0 : i - 1];
            steps.add(new FunnelStep(i < stages.size() ? stages.get(i) : WON, counts[i],
                    Ratio.of(counts[i], previous, counts[i], reached),
                    Ratio.of(counts[i], counts[0], counts[i], reached)));
        }
        return new Funnel(variant, periodBasis, steps);
    }

    /** Per step: how many deals reached it, and which. */
    private static final class FunnelAcc implements Accumulator<Deal, Funnel> {
        private final List<String> stages;
        private final FunnelVariant variant;
        private final @Nullable Period period;
        private final long[] counts;
        private final List<Ids> ids;

        FunnelAcc(List<String> stages, FunnelVariant variant, @Nullable Period period, boolean keep) {
            this.stages = stages;
            this.variant = variant;
            this.period = period;
            this.counts = new long[stages.size() + 1];
            this.ids = new ArrayList<>(counts.length);
            for (int i = 0; i < counts.length; i++) {
                ids.add(new Ids(keep));
            }
        }

        @Override
        public void add(Deal deal) {
            Objects.requireNonNull(deal, "deal");
            if (period != null) {
                addInPeriod(deal, period);
                return;
            }
            int reached = variant == FunnelVariant.STRICT ? strictReach(deal) : anyStageReach(deal);
            for (int i = 0; i < reached; i++) {
                counts[i]++;
                ids.get(i).add(deal.id());
            }
        }

        /** Steps reached, counting the won step; entries must follow the stage order. */
        private int strictReach(Deal deal) {
            int pos = 0;
            for (StageVisit v : deal.stageHistory()) {
                if (pos < stages.size() && v.stage().equals(stages.get(pos))) {
                    pos++;
                }
            }
            return pos == stages.size() && deal.status() == DealStatus.WON ? pos + 1 : pos;
        }

        private int anyStageReach(Deal deal) {
            if (deal.status() == DealStatus.WON) {
                return stages.size() + 1;
            }
            int max = -1;
            for (StageVisit v : deal.stageHistory()) {
                max = Math.max(max, stages.indexOf(v.stage()));
            }
            return max + 1;
        }

        private void addInPeriod(Deal deal, Period in) {
            LocalDate[] entries = new LocalDate[stages.size()];
            if (variant == FunnelVariant.STRICT) {
                int pos = 0;
                for (StageVisit v : deal.stageHistory()) {
                    if (pos < stages.size() && v.stage().equals(stages.get(pos))) {
                        entries[pos++] = v.enteredOn();
                    }
                }
            } else {
                for (int i = 0; i < stages.size(); i++) {
                    entries[i] = deal.firstEntered(stages.get(i)).orElse(null);
                }
            }
            for (int i = 0; i < stages.size(); i++) {
                if (entries[i] != null && in.contains(entries[i])) {
                    counts[i]++;
                    ids.get(i).add(deal.id());
                }
            }
            boolean pathDone = variant != FunnelVariant.STRICT || entries[stages.size() - 1] != null;
            LocalDate closedOn = deal.closedOn();
            if (deal.status() == DealStatus.WON && pathDone && closedOn != null && in.contains(closedOn)) {
                counts[stages.size()]++;
                ids.get(stages.size()).add(deal.id());
            }
        }

        @Override
        public void merge(Accumulator<Deal, Funnel> other) {
            FunnelAcc that = SimpleMetric.same(this, other, FunnelAcc.class,
                    a -> java.util.Arrays.asList(a.stages, a.variant, a.period));
            for (int i = 0; i < counts.length; i++) {
                counts[i] += that.counts[i];
                ids.get(i).addAll(that.ids.get(i));
            }
        }

        @Override
        public Funnel result() {
            return funnelOf(stages, variant, period != null, counts, i -> ids.get(i).list());
        }
    }

    /** Per stage: closed deals that reached it, and how many of those were won. */
    private static final class StageProbabilityAcc implements Accumulator<Deal, Map<String, Ratio>> {
        private final List<String> stages;
        private final NoDecision noDecision;
        private final long[] reached;
        private final long[] wonAfter;
        private final List<Ids> ids;

        StageProbabilityAcc(List<String> stages, NoDecision noDecision, boolean keep) {
            this.stages = stages;
            this.noDecision = noDecision;
            this.reached = new long[stages.size()];
            this.wonAfter = new long[stages.size()];
            this.ids = new ArrayList<>(stages.size());
            for (int i = 0; i < stages.size(); i++) {
                ids.add(new Ids(keep));
            }
        }

        @Override
        public void add(Deal deal) {
            Objects.requireNonNull(deal, "deal");
            boolean counts = deal.status() == DealStatus.WON || deal.status() == DealStatus.LOST
                    || deal.status() == DealStatus.NO_DECISION && noDecision == NoDecision.COUNTED_AS_LOST;
            if (!counts) {
                return;
            }
            int max = -1;
            for (StageVisit v : deal.stageHistory()) {
                max = Math.max(max, stages.indexOf(v.stage()));
            }
            int upTo = deal.status() == DealStatus.WON ? stages.size() - 1 : max;
            for (int i = 0; i <= upTo; i++) {
                reached[i]++;
                if (deal.status() == DealStatus.WON) {
                    wonAfter[i]++;
                }
                ids.get(i).add(deal.id());
            }
        }

        @Override
        public void merge(Accumulator<Deal, Map<String, Ratio>> other) {
            StageProbabilityAcc that = SimpleMetric.same(this, other, StageProbabilityAcc.class,
                    a -> List.of(a.stages, a.noDecision));
            for (int i = 0; i < reached.length; i++) {
                reached[i] += that.reached[i];
                wonAfter[i] += that.wonAfter[i];
                ids.get(i).addAll(that.ids.get(i));
            }
        }

        @Override
        public Map<String, Ratio> result() {
            Map<String, Ratio> out = new LinkedHashMap<>();
            for (int i = 0; i < stages.size(); i++) {
                out.put(stages.get(i), Ratio.of(wonAfter[i], reached[i], reached[i], ids.get(i).list()));
            }
            return Collections.unmodifiableMap(out);
        }
    }
}
