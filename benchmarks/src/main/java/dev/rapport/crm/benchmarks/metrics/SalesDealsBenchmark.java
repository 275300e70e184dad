package dev.rapport.crm.benchmarks.metrics;

import dev.rapport.crm.metrics.Deal;
import dev.rapport.crm.metrics.DealStatus;
import dev.rapport.crm.metrics.SalesMetrics;
import dev.rapport.crm.metrics.SalesSummary;
import dev.rapport.crm.metrics.StageVisit;
import dev.rapport.crm.revenue.Money;
import dev.rapport.crm.sales.ForecastCategory;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
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
 * For comparison: the same sales summary as {@link SalesMetricsBenchmark}, through the
 * {@link Deal}-based calculators ({@link SalesMetrics#summary(dev.rapport.crm.metrics.SalesSummarySpec)},
 * one pass, each calculator's accumulator taking every deal, exact {@link BigDecimal} sums),
 * against the hand-written loop over the same deals as plain arrays. Deal objects take several
 * hundred bytes each, so this runs at 1,000,000 deals only.
 *
 * <pre>{@code
 * java -jar benchmarks/target/benchmarks.jar SalesDeals -f 1 -wi 2 -i 5 -w 1s -r 1s -t 1 -jvmArgs -Xmx8g
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class SalesDealsBenchmark {

  @Param({"1000000"})
  public int deals;

  private SalesMetricsBenchmark columns;
  private List<Deal> objects;

  /** Builds the deals from the columnar benchmark's arrays and checks every path agrees. */
  @Setup(Level.Trial)
  public void setUp() {
    columns = new SalesMetricsBenchmark();
    columns.deals = deals;
    columns.setUp();
    objects = new ArrayList<>(deals);
    List<String> stages = columns.stages();
    for (int i = 0; i < deals; i++) {
      List<StageVisit> history = new ArrayList<>();
      for (int h = columns.historyStart()[i]; h < columns.historyStart()[i + 1]; h++) {
        history.add(new StageVisit(stages.get(columns.historyStage()[h]),
            LocalDate.ofEpochDay(columns.historyDay()[h])));
      }
      DealStatus status = DealStatus.values()[columns.status()[i]];
      ForecastCategory category = ForecastCategory.values()[columns.category()[i]];
      String stage = history.isEmpty() ? "open" : history.get(history.size() - 1).stage();
      int closedDay = columns.closed()[i];
      objects.add(new Deal("d" + i, "owner" + (i % 50), "default", "unknown", List.of(),
          Money.of(BigDecimal.valueOf(columns.amount()[i], 2), "EUR"), status,
          LocalDate.ofEpochDay(columns.created()[i]),
          status == DealStatus.OPEN ? null : LocalDate.ofEpochDay(closedDay), stage,
          columns.probabilityOf(i), status == DealStatus.OPEN ? category : ForecastCategory.PIPELINE, history));
    }
    SalesSummary overDeals = rapportOverDeals();
    if (!overDeals.equals(columns.rapport())) {
      throw new IllegalStateException("the Deal-based summary differs from the columnar one");
    }
  }

  /** Rapport's Deal-based calculators, every sales metric in one pass. */
  @Benchmark
  public SalesSummary rapportOverDeals() {
    return SalesMetrics.summary(columns.spec()).withoutIds().of(objects);
  }

  /** The hand-written loop over the same deals as arrays. */
  @Benchmark
  public SalesMetricsBenchmark.LoopResult handWrittenLoop() {
    return columns.handWrittenLoop();
  }
}
