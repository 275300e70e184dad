package dev.rapport.crm.benchmarks.metrics;

import dev.rapport.crm.metrics.Conversion;
import dev.rapport.crm.metrics.CycleStart;
import dev.rapport.crm.metrics.DealColumns;
import dev.rapport.crm.metrics.DealStatus;
import dev.rapport.crm.metrics.Funnel;
import dev.rapport.crm.metrics.FunnelStep;
import dev.rapport.crm.metrics.NoDecision;
import dev.rapport.crm.metrics.Period;
import dev.rapport.crm.metrics.PeriodUnit;
import dev.rapport.crm.metrics.Ratio;
import dev.rapport.crm.metrics.SalesMetrics;
import dev.rapport.crm.metrics.SalesSummary;
import dev.rapport.crm.metrics.SalesSummarySpec;
import dev.rapport.crm.revenue.Money;
import dev.rapport.crm.sales.ForecastCategory;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Every sales metric of crm-metrics in one pass over 1,000,000 and 10,000,000 opportunities:
 * {@link SalesMetrics#summary(SalesSummarySpec, DealColumns)} against a hand-written loop that
 * computes the same numbers (win rates by count and value, average deal, cycle mean and median,
 * velocity, coverage, weighted and open pipeline, forecast roll-ups, the four funnels and the
 * stage-to-close probabilities) from plain arrays holding the same deals. The target is Rapport
 * within 1.5 times the loop. The setup checks that both give the same numbers before anything is
 * measured.
 *
 * <pre>{@code
 * java -jar benchmarks/target/benchmarks.jar SalesMetrics -f 1 -wi 2 -i 5 -w 1s -r 1s -t 1 -jvmArgs -Xmx8g
 * }</pre>
 *
 * <p>On a busy machine the load changes between JMH's runs of one method and the other, so
 * {@link #main} also times the two alternately, run after run, and prints the median of each and
 * their ratio:
 *
 * <pre>{@code
 * java -Xmx8g -cp benchmarks/target/benchmarks.jar dev.rapport.crm.benchmarks.metrics.SalesMetricsBenchmark 10000000 15
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class SalesMetricsBenchmark {

  private static final List<String> STAGES = List.of("qualify", "develop", "propose", "negotiate");
  private static final BigDecimal[] STAGE_PROBABILITY = {
    new BigDecimal("0.1"), new BigDecimal("0.25"), new BigDecimal("0.5"), new BigDecimal("0.75")
  };
  private static final ForecastCategory[] OPEN_CATEGORIES = {
    ForecastCategory.PIPELINE, ForecastCategory.BEST_CASE, ForecastCategory.COMMIT, ForecastCategory.OMITTED
  };
  private static final int START_DAY = (int) LocalDate.of(2024, 1, 1).toEpochDay();

  @Param({"1000000", "10000000"})
  public int deals;

  private SalesSummarySpec spec;
  private DealColumns columns;

  // The hand-written loop's columns: the same deals, plain arrays.
  private byte[] status;
  private byte[] category;
  private byte[] stageProbability;
  private long[] amount;
  private int[] created;
  private int[] closed;
  private int[] historyStart;
  private byte[] historyStage;
  private int[] historyDay;
  private int periodStart;
  private int periodEnd;

  /** Generates the deals (seeded), fills both forms, and checks both give the same numbers. */
  @Setup(Level.Trial)
  public void setUp() {
    Period period = Period.of(PeriodUnit.QUARTER, LocalDate.of(2025, 4, 1));
    spec =
        new SalesSummarySpec(STAGES, CycleStart.stageEntered("qualify"), NoDecision.EXCLUDED,
            Money.of("1000000000.00", "EUR"), period, Conversion.strict("EUR"));
    periodStart = (int) period.start().toEpochDay();
    periodEnd = (int) period.endExclusive().toEpochDay();
    generate(deals, new SplittableRandom(20260315L));
    SalesSummary rapport = rapport();
    LoopResult loop = handWrittenLoop();
    String mismatch = loop.differenceFrom(rapport);
    if (mismatch != null) {
      throw new IllegalStateException("Rapport and the loop disagree on " + mismatch);
    }
  }

  private void generate(int n, SplittableRandom random) {
    status = new byte[n];
    category = new byte[n];
    stageProbability = new byte[n];
    amount = new long[n];
    created = new int[n];
    closed = new int[n];
    historyStart = new int[n + 1];
    historyStage = new byte[n * STAGES.size()];
    historyDay = new int[n * STAGES.size()];
    int entries = 0;
    DealColumns.Builder builder = DealColumns.builder(STAGES, "EUR", n);
    for (int i = 0; i < n; i++) {
      int roll = random.nextInt(100);
      DealStatus s =
          roll < 30 ? DealStatus.OPEN : roll < 65 ? DealStatus.WON : roll < 95 ? DealStatus.LOST : DealStatus.NO_DECISION;
      long cents = 100_000L + random.nextLong(9_900_000L);
      int day = START_DAY + random.nextInt(900);
      int createdDay = day;
      int reach = s == DealStatus.WON ? 2 + random.nextInt(3) : random.nextInt(5);
      boolean skip = random.nextInt(10) == 0;
      int[] entryStages = new int[reach];
      int[] entryDays = new int[reach];
      int kept = 0;
      for (int st = 0; st < reach; st++) {
        if (skip && st == 1) {
          continue;
        }
        day += random.nextInt(30);
        entryStages[kept] = st;
        entryDays[kept] = day;
        kept++;
      }
      entryStages = Arrays.copyOf(entryStages, kept);
      entryDays = Arrays.copyOf(entryDays, kept);
      int closedDay = s == DealStatus.OPEN ? DealColumns.NOT_CLOSED : day + random.nextInt(60);
      ForecastCategory own = OPEN_CATEGORIES[random.nextInt(OPEN_CATEGORIES.length)];
      int p = reach == 0 ? 0 : reach - 1;
      builder.add(s, cents, STAGE_PROBABILITY[p], own, createdDay, closedDay, entryStages, entryDays);

      status[i] = (byte) s.ordinal();
      category[i] = (byte) effective(s, own).ordinal();
      stageProbability[i] = (byte) p;
      amount[i] = cents;
      created[i] = createdDay;
      closed[i] = closedDay;
      for (int e = 0; e < kept; e++) {
        historyStage[entries] = (byte) entryStages[e];
        historyDay[entries] = entryDays[e];
        entries++;
      }
      historyStart[i + 1] = entries;
    }
    historyStage = Arrays.copyOf(historyStage, entries);
    historyDay = Arrays.copyOf(historyDay, entries);
    columns = builder.build();
  }

  private static ForecastCategory effective(DealStatus s, ForecastCategory own) {
    if (s == DealStatus.WON) {
      return ForecastCategory.CLOSED;
    }
    return s == DealStatus.OPEN ? own : ForecastCategory.OMITTED;
  }

  List<String> stages() {
    return STAGES;
  }

  SalesSummarySpec spec() {
    return spec;
  }

  byte[] status() {
    return status;
  }

  byte[] category() {
    return category;
  }

  long[] amount() {
    return amount;
  }

  int[] created() {
    return created;
  }

  int[] closed() {
    return closed;
  }

  int[] historyStart() {
    return historyStart;
  }

  byte[] historyStage() {
    return historyStage;
  }

  int[] historyDay() {
    return historyDay;
  }

  BigDecimal probabilityOf(int deal) {
    return STAGE_PROBABILITY[stageProbability[deal]];
  }

  /** Rapport: the whole sales summary in one pass over its columns. */
  @Benchmark
  public SalesSummary rapport() {
    return SalesMetrics.summary(spec, columns);
  }

  /** The same numbers by hand, in one loop over plain arrays. */
  @Benchmark
  public LoopResult handWrittenLoop() {
    final int k = STAGES.size();
    final int n = status.length;
    final byte open = (byte) DealStatus.OPEN.ordinal();
    final byte wonStatus = (byte) DealStatus.WON.ordinal();
    final byte lostStatus = (byte) DealStatus.LOST.ordinal();
    LoopResult r = new LoopResult(k);
    long[] days = new long[1024];
    for (int i = 0; i < n; i++) {
      byte s = status[i];
      long a = amount[i];
      r.categoryCents[category[i]] += a;
      int pos = 0;
      int max = -1;
      int qualifyDay = Integer.MIN_VALUE;
      int seen = 0;
      for (int h = historyStart[i]; h < historyStart[i + 1]; h++) {
        int st = historyStage[h];
        int d = historyDay[h];
        boolean inPeriod = d >= periodStart && d < periodEnd;
        if (st == pos) {
          if (inPeriod) {
            r.periodStrict[pos]++;
          }
          pos++;
        }
        max = Math.max(max, st);
        if ((seen & (1 << st)) == 0) {
          seen |= 1 << st;
          if (inPeriod) {
            r.periodAny[st]++;
          }
          if (st == 0) {
            qualifyDay = d;
          }
        }
      }
      int strictReach = pos;
      int anyReach = max + 1;
      if (s == open) {
        r.open++;
        r.openCents += a;
        r.openCentsByProbability[stageProbability[i]] += a;
      } else if (s == wonStatus) {
        r.won++;
        r.closed++;
        r.wonCents += a;
        r.closedCents += a;
        strictReach = pos == k ? k + 1 : pos;
        anyReach = k + 1;
        for (int st = 0; st < k; st++) {
          r.reached[st]++;
        }
        if (closed[i] >= periodStart && closed[i] < periodEnd) {
          r.periodAny[k]++;
          if (pos == k) {
            r.periodStrict[k]++;
          }
        }
        if (qualifyDay != Integer.MIN_VALUE) {
          int d = closed[i] - qualifyDay;
          if (d >= days.length) {
            days = Arrays.copyOf(days, Math.max(d + 1, days.length * 2));
          }
          days[d]++;
          r.cycleCount++;
          r.cycleSum += d;
        }
      } else if (s == lostStatus) {
        r.closed++;
        r.closedCents += a;
        for (int st = 0; st <= max; st++) {
          r.reached[st]++;
        }
      }
      for (int step = 0; step < strictReach; step++) {
        r.cohortStrict[step]++;
      }
      for (int step = 0; step < anyReach; step++) {
        r.cohortAny[step]++;
      }
    }
    r.finish(days);
    return r;
  }

  /** The loop's numbers, finished as exact decimals where the metric is a ratio or money. */
  public static final class LoopResult {
    long won;
    long closed;
    long open;
    long wonCents;
    long closedCents;
    long openCents;
    final long[] openCentsByProbability = new long[STAGE_PROBABILITY.length];
    final long[] categoryCents = new long[ForecastCategory.values().length];
    final long[] cohortStrict;
    final long[] cohortAny;
    final long[] periodStrict;
    final long[] periodAny;
    final long[] reached;
    long cycleCount;
    long cycleSum;
    BigDecimal cycleMedian;
    BigDecimal cycleMean;
    BigDecimal winRate;
    BigDecimal weighted;
    BigDecimal velocity;

    LoopResult(int k) {
      cohortStrict = new long[k + 1];
      cohortAny = new long[k + 1];
      periodStrict = new long[k + 1];
      periodAny = new long[k + 1];
      reached = new long[k];
    }

    void finish(long[] days) {
      long low = -1;
      long high = -1;
      long seen = 0;
      for (int d = 0; d < days.length && high < 0; d++) {
        seen += days[d];
        if (low < 0 && seen > (cycleCount - 1) / 2) {
          low = d;
        }
        if (seen > cycleCount / 2) {
          high = d;
        }
      }
      cycleMedian = BigDecimal.valueOf(low + high).divide(BigDecimal.valueOf(2));
      cycleMean = BigDecimal.valueOf(cycleSum).divide(BigDecimal.valueOf(cycleCount), 6, RoundingMode.HALF_EVEN);
      winRate = BigDecimal.valueOf(won).divide(BigDecimal.valueOf(closed), 6, RoundingMode.HALF_EVEN);
      BigDecimal w = BigDecimal.ZERO;
      for (int p = 0; p < openCentsByProbability.length; p++) {
        w = w.add(STAGE_PROBABILITY[p].multiply(BigDecimal.valueOf(openCentsByProbability[p], 2)));
      }
      weighted = w.setScale(2, RoundingMode.HALF_EVEN);
      velocity = BigDecimal.valueOf(open).multiply(BigDecimal.valueOf(wonCents, 2))
          .multiply(BigDecimal.valueOf(cycleCount))
          .divide(BigDecimal.valueOf(closed).multiply(BigDecimal.valueOf(cycleSum)), 2, RoundingMode.HALF_EVEN);
    }

    /** The first figure that differs from Rapport's, or null when all agree. */
    String differenceFrom(SalesSummary s) {
      List<String> bad = new ArrayList<>();
      check(bad, "won", s.winRateByCount().numerator(), won);
      check(bad, "closed", s.winRateByCount().denominator(), closed);
      check(bad, "win rate", s.winRateByCount().value(), winRate);
      check(bad, "won amount", s.winRateByValue().numerator(), BigDecimal.valueOf(wonCents, 2));
      check(bad, "closed amount", s.winRateByValue().denominator(), BigDecimal.valueOf(closedCents, 2));
      check(bad, "average deal", s.averageDealSize().value().amount(),
          BigDecimal.valueOf(wonCents, 2).divide(BigDecimal.valueOf(won), 2, RoundingMode.HALF_EVEN));
      check(bad, "cycle median", s.salesCycle().median(), cycleMedian);
      check(bad, "cycle mean", s.salesCycle().mean(), cycleMean);
      check(bad, "cycle count", BigDecimal.valueOf(s.salesCycle().sampleSize()), cycleCount);
      check(bad, "open amount", s.openPipeline().total().amount(), BigDecimal.valueOf(openCents, 2));
      check(bad, "open deals", BigDecimal.valueOf(s.velocity().openDeals()), open);
      check(bad, "weighted", s.weightedPipeline().total().amount(), weighted);
      check(bad, "velocity", s.velocity().perDay().amount(), velocity);
      check(bad, "coverage", s.coverage().numerator(), BigDecimal.valueOf(openCents, 2));
      check(bad, "forecast closed", s.forecast().closed().amount(),
          BigDecimal.valueOf(categoryCents[ForecastCategory.CLOSED.ordinal()], 2));
      check(bad, "forecast commit", s.forecast().commit().amount(),
          BigDecimal.valueOf(categoryCents[ForecastCategory.COMMIT.ordinal()], 2));
      check(bad, "forecast best case", s.forecast().bestCase().amount(),
          BigDecimal.valueOf(categoryCents[ForecastCategory.BEST_CASE.ordinal()], 2));
      check(bad, "forecast pipeline", s.forecast().pipeline().amount(),
          BigDecimal.valueOf(categoryCents[ForecastCategory.PIPELINE.ordinal()], 2));
      check(bad, "forecast omitted", s.forecast().omitted().amount(),
          BigDecimal.valueOf(categoryCents[ForecastCategory.OMITTED.ordinal()], 2));
      checkSteps(bad, "strict cohort funnel", s.cohortStrict(), cohortStrict);
      checkSteps(bad, "any-stage cohort funnel", s.cohortAnyStage(), cohortAny);
      checkSteps(bad, "strict period funnel", s.periodStrict(), periodStrict);
      checkSteps(bad, "any-stage period funnel", s.periodAnyStage(), periodAny);
      int i = 0;
      for (Ratio p : s.stageProbabilities().values()) {
        check(bad, "stage probability " + i, p.denominator(), reached[i]);
        check(bad, "stage won " + i, p.numerator(), won);
        i++;
      }
      return bad.isEmpty() ? null : String.join(", ", bad);
    }

    private static void checkSteps(List<String> bad, String what, Funnel f, long[] expected) {
      long[] actual = f.steps().stream().mapToLong(FunnelStep::count).toArray();
      if (!Arrays.equals(actual, expected)) {
        bad.add(what + " " + Arrays.toString(actual) + " vs " + Arrays.toString(expected));
      }
    }

    private static void check(List<String> bad, String what, BigDecimal rapport, long loop) {
      check(bad, what, rapport, BigDecimal.valueOf(loop));
    }

    private static void check(List<String> bad, String what, BigDecimal rapport, BigDecimal loop) {
      if (rapport == null || rapport.compareTo(loop) != 0) {
        bad.add(what + " " + rapport + " vs " + loop);
      }
    }
  }

  /**
   * Times Rapport and the loop alternately and prints the medians and their ratio.
   *
   * @param args the number of deals (default 1,000,000) and of timed rounds (default 15)
   */
  public static void main(String[] args) {
    SalesMetricsBenchmark b = new SalesMetricsBenchmark();
    b.deals = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 15;
    b.setUp();
    long[] rapport = new long[rounds];
    long[] loop = new long[rounds];
    long sink = 0;
    for (int warm = 0; warm < 5; warm++) {
      sink += b.rapport().velocity().openDeals() + b.handWrittenLoop().open;
    }
    for (int r = 0; r < rounds; r++) {
      long t0 = System.nanoTime();
      sink += b.rapport().velocity().openDeals();
      long t1 = System.nanoTime();
      sink += b.handWrittenLoop().open;
      long t2 = System.nanoTime();
      rapport[r] = t1 - t0;
      loop[r] = t2 - t1;
    }
    Arrays.sort(rapport);
    Arrays.sort(loop);
    double rapportMs = rapport[rounds / 2] / 1e6;
    double loopMs = loop[rounds / 2] / 1e6;
    System.out.printf("deals=%d rounds=%d rapport median %.1f ms, loop median %.1f ms, ratio %.2f (check %d)%n",
        b.deals, rounds, rapportMs, loopMs, rapportMs / loopMs, sink % 10);
  }
}
