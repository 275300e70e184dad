package dev.rapport.crm.metrics;

import dev.rapport.crm.CrmValidationException;
import dev.rapport.crm.revenue.Money;
import dev.rapport.crm.sales.ForecastCategory;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The sales summary over {@link DealColumns}, in one pass that allocates nothing per deal: sums in
 * minor units (exact longs, overflow refused), counts of how far each deal got instead of one
 * increment per step, and a counting array for the cycle days. The results are built with the
 * same functions as the {@link Deal}-based calculators', so both paths give equal records.
 */
final class ColumnarSales {
    private static final byte OPEN = (byte) DealStatus.OPEN.ordinal();
    private static final byte WON = (byte) DealStatus.WON.ordinal();
    private static final byte LOST = (byte) DealStatus.LOST.ordinal();

    private ColumnarSales() {
    }

    /** Deals scanned per call of {@link Scan#run}: small calls get compiled early, not on stack replacement. */
    private static final int CHUNK = 1 << 14;

    static SalesSummary summarize(SalesSummarySpec spec, DealColumns c) {
        Inputs.check(c.stages.equals(spec.stages()), "columns", "must follow the summary's stages");
        Inputs.check(c.currency.equals(spec.conversion().currency()), "columns",
                "must be in the summary's reporting currency");
        Scan scan = new Scan(spec);
        for (int from = 0; from < c.size; from += CHUNK) {
            scan.run(c, from, Math.min(c.size, from + CHUNK));
        }
        return scan.finish();
    }

    /**
     * The summary over deals without ids: each deal goes into a small buffer of columns, scanned
     * every {@link #CHUNK} deals, so memory stays bounded and the pass is the columnar one.
     */
    static Accumulator<Deal, SalesSummary> accumulator(SalesSummarySpec spec) {
        return new DealsAcc(spec);
    }

    private static final class DealsAcc implements Accumulator<Deal, SalesSummary> {
        private final SalesSummarySpec spec;
        private final Scan scan;
        private final DealColumns.Builder buffer;

        DealsAcc(SalesSummarySpec spec) {
            this.spec = spec;
            this.scan = new Scan(spec);
            this.buffer = DealColumns.builder(spec.stages(), spec.conversion().currency().getCurrencyCode(), 256);
        }

        @Override
        public void add(Deal deal) {
            SalesMetrics.checkForSummary(spec, deal);
            if (!buffer.fits(deal.probability())) {
                flush();
            }
            buffer.add(deal, spec.conversion());
            if (buffer.size() == CHUNK) {
                flush();
            }
        }

        private void flush() {
            DealColumns c = buffer.view();
            scan.run(c, 0, c.size);
            buffer.reset();
        }

        @Override
        public void merge(Accumulator<Deal, SalesSummary> other) {
            DealsAcc that = SimpleMetric.same(this, other, DealsAcc.class, a -> a.spec);
            flush();
            that.flush();
            scan.merge(that.scan);
        }

        @Override
        public SalesSummary result() {
            Scan whole = scan.copy();
            DealColumns c = buffer.view();
            whole.run(c, 0, c.size);
            return whole.finish();
        }
    }

    /** The running sums and counts of one pass. */
    private static final class Scan {
        private final SalesSummarySpec spec;
        private final List<String> stages;
        private final int scale;
        private final int k;
        private final int startStage;
        private final boolean noDecisionCounts;
        private final long periodStart;
        private final long periodEnd;
        private long won;
        private long closed;
        private long open;
        private long wonCents;
        private long closedCents;
        private long openCents;
        private long deals;
        /** Σ probability × open amount, exact, folded in after each run. */
        private BigDecimal weighted = BigDecimal.ZERO;
        private final long[] categoryCents = new long[ForecastCategory.values().length];
        private final long[] categoryCount = new long[ForecastCategory.values().length];
        // deals by how many cohort steps they reached (0..k+1), and period entries per step
        private final long[] strictReach;
        private final long[] anyReach;
        private final long[] closedReach;
        private final long[] periodStrict;
        private final long[] periodAny;
        private long[] cycleDays = new long[512];
        private final Histogram cycleOutliers = new Histogram();
        private long cycleSum;

        Scan(SalesSummarySpec spec) {
            this.spec = spec;
            this.stages = spec.stages();
            this.scale = spec.conversion().zero().amount().scale();
            this.k = stages.size();
            this.startStage = spec.cycleStart().stage().map(stages::indexOf).orElse(-1);
            this.noDecisionCounts = spec.noDecision() == NoDecision.COUNTED_AS_LOST;
            this.periodStart = spec.period().start().toEpochDay();
            this.periodEnd = spec.period().endExclusive().toEpochDay();
            this.strictReach = new long[k + 2];
            this.anyReach = new long[k + 2];
            this.closedReach = new long[k + 1];
            this.periodStrict = new long[k + 1];
            this.periodAny = new long[k + 1];
        }

        /** A copy whose state is independent of this one's. */
        Scan copy() {
            Scan s = new Scan(spec);
            s.merge(this);
            return s;
        }

        void merge(Scan o) {
            won += o.won;
            closed += o.closed;
            open += o.open;
            deals += o.deals;
            wonCents = Math.addExact(wonCents, o.wonCents);
            closedCents = Math.addExact(closedCents, o.closedCents);
            openCents = Math.addExact(openCents, o.openCents);
            cycleSum = Math.addExact(cycleSum, o.cycleSum);
            weighted = weighted.add(o.weighted);
            add(categoryCents, o.categoryCents);
            add(categoryCount, o.categoryCount);
            add(strictReach, o.strictReach);
            add(anyReach, o.anyReach);
            add(closedReach, o.closedReach);
            add(periodStrict, o.periodStrict);
            add(periodAny, o.periodAny);
            if (o.cycleDays.length > cycleDays.length) {
                cycleDays = Arrays.copyOf(cycleDays, o.cycleDays.length);
            }
            add(cycleDays, o.cycleDays);
            cycleOutliers.merge(o.cycleOutliers);
        }

        private static void add(long[] into, long[] from) {
            for (int i = 0; i < from.length; i++) {
                into[i] += from[i];
            }
        }

        void run(DealColumns c, int first, int to) {
            final int k = this.k;
            final byte[] status = c.status;
            final byte[] category = c.category;
            final byte[] probability = c.probability;
            final long[] amount = c.amount;
            final int[] created = c.created;
            final int[] closedOn = c.closed;
            final int[] historyStart = c.historyStart;
            final byte[] historyStage = c.historyStage;
            final int[] historyDay = c.historyDay;
            final int startStage = this.startStage;
            final boolean noDecisionCounts = this.noDecisionCounts;
            final long periodStart = this.periodStart;
            final long periodEnd = this.periodEnd;
            final long[] categoryCents = this.categoryCents;
            final long[] categoryCount = this.categoryCount;
            final long[] openByProbability = new long[c.probabilities.length];
            final long[] strictReach = this.strictReach;
            final long[] anyReach = this.anyReach;
            final long[] closedReach = this.closedReach;
            final long[] periodStrict = this.periodStrict;
            final long[] periodAny = this.periodAny;
            long[] cycleDays = this.cycleDays;
            long won = 0;
            long closed = 0;
            long open = 0;
            long wonCents = 0;
            long closedCents = 0;
            long openCents = 0;
            long cycleSum = 0;
            for (int i = first; i < to; i++) {
                final byte s = status[i];
                final long a = amount[i];
                final int cat = category[i];
                categoryCents[cat] = Math.addExact(categoryCents[cat], a);
                categoryCount[cat]++;
                int pos = 0;
                int max = -1;
                long seen = 0;
                int startDay = Integer.MIN_VALUE;
                for (int h = historyStart[i], end = historyStart[i + 1]; h < end; h++) {
                    final int st = historyStage[h];
                    final int day = historyDay[h];
                    final boolean inPeriod = day >= periodStart && day < periodEnd;
                    if (st == pos) {
                        if (inPeriod) {
                            periodStrict[pos]++;
                        }
                        pos++;
                    }
                    if (st > max) {
                        max = st;
                    }
                    final long bit = 1L << st;
                    if ((seen & bit) == 0) {
                        seen |= bit;
                        if (inPeriod) {
                            periodAny[st]++;
                        }
                        if (st == startStage) {
                            startDay = day;
                        }
                    }
                }
                if (s == OPEN) {
                    open++;
                    openCents = Math.addExact(openCents, a);
                    openByProbability[probability[i]] += a;
                    strictReach[pos]++;
                    anyReach[max + 1]++;
                } else if (s == WON) {
                    won++;
                    closed++;
                    wonCents = Math.addExact(wonCents, a);
                    closedCents = Math.addExact(closedCents, a);
                    strictReach[pos == k ? k + 1 : pos]++;
                    anyReach[k + 1]++;
                    closedReach[k]++;
                    final int close = closedOn[i];
                    if (close >= periodStart && close < periodEnd) {
                        periodAny[k]++;
                        if (pos == k) {
                            periodStrict[k]++;
                        }
                    }
                    final int from = startStage < 0 ? created[i] : startDay;
                    if (startStage < 0 || startDay != Integer.MIN_VALUE) {
                        final int days = close - from;
                        if (days < 0) {
                            throw new CrmValidationException("closedOn", "is before the cycle start");
                        }
                        if (days < cycleDays.length) {
                            cycleDays[days]++;
                        } else if (days < Histogram.DENSE_LIMIT) {
                            cycleDays = Arrays.copyOf(cycleDays, Math.min(Histogram.DENSE_LIMIT,
                                    Math.max(days + 1, cycleDays.length * 2)));
                            cycleDays[days]++;
                        } else {
                            cycleOutliers.add(days);
                        }
                        cycleSum += days;
                    }
                } else {
                    strictReach[pos]++;
                    anyReach[max + 1]++;
                    if (s == LOST || noDecisionCounts) {
                        closed++;
                        closedCents = Math.addExact(closedCents, a);
                        closedReach[max + 1]++;
                    }
                }
            }
            this.won += won;
            this.closed += closed;
            this.open += open;
            this.wonCents = Math.addExact(this.wonCents, wonCents);
            this.closedCents = Math.addExact(this.closedCents, closedCents);
            this.openCents = Math.addExact(this.openCents, openCents);
            this.cycleSum = Math.addExact(this.cycleSum, cycleSum);
            this.cycleDays = cycleDays;
            this.deals += to - first;
            for (int p = 0; p < openByProbability.length; p++) {
                if (openByProbability[p] != 0) {
                    weighted = weighted.add(c.probabilities[p].multiply(BigDecimal.valueOf(openByProbability[p], scale)));
                }
            }
        }

        SalesSummary finish() {
            Histogram days = new Histogram();
            days.merge(cycleOutliers);
            for (int d = 0; d < cycleDays.length; d++) {
                if (cycleDays[d] != 0) {
                    days.addDense(d, cycleDays[d]);
                }
            }
            Conversion conversion = spec.conversion();
            List<String> none = List.of();
            BigDecimal wonAmount = amountOf(wonCents, won, scale);
            BigDecimal closedAmount = amountOf(closedCents, closed, scale);
            BigDecimal openAmount = amountOf(openCents, open, scale);
            BigDecimal[] byCategory = new BigDecimal[categoryCents.length];
            for (int x = 0; x < byCategory.length; x++) {
                byCategory[x] = amountOf(categoryCents[x], categoryCount[x], scale);
            }
            Stats cycle = StatsState.result(days, cycleSum, "days", none);
            Money quota = conversion.toReporting(spec.quota());
            Map<String, Ratio> probabilities = new LinkedHashMap<>();
            long reached = 0;
            long[] reachedAt = new long[k];
            for (int x = k; x >= 1; x--) {
                reached += closedReach[x];
                reachedAt[x - 1] = reached;
            }
            for (int x = 0; x < k; x++) {
                probabilities.put(stages.get(x), Ratio.of(won, reachedAt[x], reachedAt[x], none));
            }
            return new SalesSummary(
                    Ratio.of(won, closed, closed, none),
                    Ratio.of(wonAmount, closedAmount, closed, none),
                    MoneyRatio.of(SalesMetrics.money(wonAmount, conversion), BigDecimal.valueOf(won), won, none),
                    cycle,
                    SalesMetrics.velocityOf(open, won, closed, wonAmount, cycle, conversion),
                    Ratio.of(openAmount, quota.amount(), open, none),
                    new MoneyTotal(SalesMetrics.money(weighted, conversion), open, none),
                    new MoneyTotal(SalesMetrics.money(openAmount, conversion), open, none),
                    SalesMetrics.forecastOf(byCategory, deals, none, conversion),
                    SalesMetrics.funnelOf(stages, FunnelVariant.STRICT, false, atLeast(strictReach), x -> none),
                    SalesMetrics.funnelOf(stages, FunnelVariant.ANY_STAGE, false, atLeast(anyReach), x -> none),
                    SalesMetrics.funnelOf(stages, FunnelVariant.STRICT, true, periodStrict, x -> none),
                    SalesMetrics.funnelOf(stages, FunnelVariant.ANY_STAGE, true, periodAny, x -> none),
                    probabilities);
        }
    }

    /** Steps reached: from "deals that reached exactly r steps" to "deals that reached step i". */
    private static long[] atLeast(long[] reachedExactly) {
        long[] steps = new long[reachedExactly.length - 1];
        long sum = 0;
        for (int r = reachedExactly.length - 1; r >= 1; r--) {
            sum += reachedExactly[r];
            steps[r - 1] = sum;
        }
        return steps;
    }

    /** A sum as the Deal-based accumulators hold it: exact zero when nothing was added. */
    private static BigDecimal amountOf(long cents, long count, int scale) {
        return count == 0 ? BigDecimal.ZERO : BigDecimal.valueOf(cents, scale);
    }
}
