package dev.rapport.crm.benchmarks.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The targets of the other modules' benchmarks (metrics, persistence, property testing), read
 * from their results when the run contains them.
 */
final class Targets {
  private Targets() {}

  static final List<Target> OTHERS = List.of(
      new Target("workflow engine with real actions on the in-memory CRM ≥ 100,000 events/s", results ->
          find(results, r -> r.benchmark().equals("EngineBenchmark.updateOneContact")
              && r.param("engine").equals("indexed") && r.secondary().containsKey("events"))
              .map(r -> {
                double events = r.secondary().get("events");
                return verdict(ResultsTable.number(events) + " events/s", events >= 100_000);
              })),
      loopRatio("1000000"),
      loopRatio("10000000"),
      new Target("JPA look-up by e-mail p99 < 2 ms among 1,000,000 contacts on PostgreSQL", results ->
          find(results, r -> r.benchmark().equals("JpaLookupBenchmark.findByEmail")
              && r.param("url").startsWith("jdbc:postgresql") && r.param("contacts").equals("1000000")
              && r.percentiles().containsKey("99.0"))
              .map(r -> {
                double p99 = toMillis(r.percentiles().get("99.0"), r.unit());
                return verdict(ResultsTable.number(p99) + " ms", p99 < 2);
              })),
      new Target("JPA import of 100,000 contacts at least half as fast as JDBC batches (H2)", results ->
          timeRatio(results, "JpaImportBenchmark.adapter", "JpaImportBenchmark.jdbcBatch", "jdbc:h2")
              .map(ratio -> verdict(ResultsTable.ratio(ratio) + " JDBC's time", ratio <= 2))),
      new Target("JPA import of 100,000 contacts at least half as fast as JDBC batches (PostgreSQL)", results ->
          timeRatio(results, "JpaImportBenchmark.adapter", "JpaImportBenchmark.jdbcBatch", "jdbc:postgresql")
              .map(ratio -> verdict(ResultsTable.ratio(ratio) + " JDBC's time", ratio <= 2))),
      new Target("metric push-down ≥ 5× faster than load and compute (the issue's size: 1,000,000 opportunities)",
          results -> find(results, r -> r.benchmark().equals("JpaMetricsBenchmark.pushDown")).flatMap(r ->
              timeRatio(results, "JpaMetricsBenchmark.loadAndComputeInMemory", "JpaMetricsBenchmark.pushDown", "")
                  .map(ratio -> verdict(ResultsTable.ratio(ratio) + " faster at " + r.param("opportunities")
                      + " opportunities", ratio >= 5)))),
      new Target("property engine: 1,000 passing tries < 100 ms", results ->
          find(results, r -> r.benchmark().equals("PropertyBenchmark.passingPropertyWith1000Tries"))
              .map(r -> {
                double ms = toMillis(r.median(), r.unit());
                return verdict(ResultsTable.number(ms) + " ms", ms < 100);
              })),
      new Target("property engine: shrinking a 1,000-element list < 1 s", results ->
          find(results, r -> r.benchmark().equals("PropertyBenchmark.shrinkFailingListOf1000Elements"))
              .map(r -> {
                double ms = toMillis(r.median(), r.unit());
                return verdict(ResultsTable.number(ms) + " ms", ms < 1000);
              })));

  private static Target loopRatio(String deals) {
    return new Target("sales metrics over " + String.format("%,d", Long.parseLong(deals))
        + " deals ≤ 1.5× the hand-written loop's time", results -> {
          Optional<Result> ours = find(results,
              r -> r.benchmark().equals("SalesMetricsBenchmark.rapport") && r.param("deals").equals(deals));
          Optional<Result> loop = find(results,
              r -> r.benchmark().equals("SalesMetricsBenchmark.handWrittenLoop") && r.param("deals").equals(deals));
          if (ours.isEmpty() || loop.isEmpty() || loop.get().median() <= 0) {
            return Optional.empty();
          }
          double ratio = ours.get().median() / loop.get().median();
          return Optional.of(verdict(ResultsTable.ratio(ratio) + " the loop's time", ratio <= 1.5));
        });
  }

  /** The first method's median time over the second's, same parameters, the URL starting so. */
  private static Optional<Double> timeRatio(List<Result> results, String first, String second, String url) {
    for (Result a : results) {
      if (a.benchmark().equals(first) && a.param("url").startsWith(url)) {
        Optional<Result> b = find(results, r -> r.benchmark().equals(second) && r.params().equals(a.params()));
        if (b.isPresent() && b.get().median() > 0) {
          return Optional.of(a.median() / b.get().median());
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<Result> find(List<Result> results, Predicate<Result> test) {
    return new ArrayList<>(results).stream().filter(test).findFirst();
  }

  private static String[] verdict(String measured, boolean met) {
    return new String[] {measured, Boolean.toString(met)};
  }

  /** A time score in milliseconds, from JMH's units ({@code us/op}, {@code ms/op}, ...). */
  static double toMillis(double value, String unit) {
    String base = unit.replace("/op", "");
    return switch (base) {
      case "ns" -> value / 1_000_000;
      case "us" -> value / 1_000;
      case "ms" -> value;
      case "s" -> value * 1_000;
      default -> Double.NaN;
    };
  }
}
