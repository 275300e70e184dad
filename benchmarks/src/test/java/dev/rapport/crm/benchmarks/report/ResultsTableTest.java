package dev.rapport.crm.benchmarks.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResultsTableTest {
  private static String result(String method, String mode, String engine, int rules, double score,
      String unit, String secondary) {
    return """
        {"benchmark": "dev.rapport.crm.benchmarks.rules.%s", "mode": "%s",
         "params": {"engine": "%s", "rules": "%d"},
         "primaryMetric": {"score": %s, "scoreError": 1.5, "scoreUnit": "%s",
           "scorePercentiles": {"0.0": 1.0, "50.0": %s, "90.0": 2.0, "99.0": 3.0, "100.0": 4.0}},
         "secondaryMetrics": {%s}}
        """.formatted(method, mode, engine, rules, score, unit, score, secondary);
  }

  private static String heap(String engine, long bytes) {
    return result("RuleEngineHeapBenchmark.retainedHeap", "ss", engine, 1000, 10, "ms/op",
        "\"retainedBytes\": {\"score\": " + bytes + ", \"scoreUnit\": \"#\"}");
  }

  @Test
  void ratiosAndTargetsComeFromTheMedians() throws IOException {
    String json = "[" + String.join(",",
        result("RuleEngineBenchmark.select", "thrpt", "RAPPORT", 1000, 6_000_000, "ops/s", ""),
        result("RuleEngineBenchmark.select", "thrpt", "EASY_RULES", 1000, 100_000, "ops/s", ""),
        result("RuleEngineBenchmark.select", "thrpt", "DROOLS", 1000, 3_000_000, "ops/s", ""),
        result("RuleEngineBenchmark.build", "avgt", "RAPPORT", 1000, 20, "ms/op", ""),
        result("RuleEngineBenchmark.build", "avgt", "DROOLS", 1000, 1000, "ms/op", ""),
        heap("RAPPORT", 1_000_000), heap("DROOLS", 5_000_000)) + "]";

    List<Result> results = ResultsTable.read(json);
    String md = new ResultsTable(results).markdown();

    assertThat(results).hasSize(7);
    assertThat(results.get(0).benchmark()).isEqualTo("RuleEngineBenchmark.select");
    assertThat(md).contains("| 1000 | events/s (median) | 6,000,000 | 100,000 | 3,000,000 | 60.0× | 2.00× |");
    assertThat(md).contains("| 1000 | build, ms (median) | 20.0 | – | 1,000 | – | 50.0× |");
    assertThat(md).contains("| events/s at 1,000 rules ≥ 50× Easy Rules' | 60.0× | met |");
    assertThat(md).contains("| events/s at 1,000 rules ≥ 3× Drools' | 2.00× | **missed** |");
    assertThat(md).contains("| retained heap of 1,000 rules ≥ 10× smaller than Drools' | 5.00× | **missed** |");
    assertThat(md).contains("| build from 1,000 JSON rules < 100 ms (workflow) | 20.0 ms | met |");
  }

  @Test
  void sampleModeShowsPercentiles() throws IOException {
    String json = "[" + result("X.lookup", "sample", "RAPPORT", 10, 0.5, "ms/op", "") + "]";

    String md = new ResultsTable(ResultsTable.read(json)).markdown();

    assertThat(md).contains("| X.lookup | engine=RAPPORT, rules=10 | sample | 0.500 | 1.50 | ms/op | 0.500 | 2.00 | 3.00 |");
  }

  @Test
  void otherAlternativesAreComparedWithTheSameParameters() throws IOException {
    String metrics = """
        {"benchmark": "dev.rapport.crm.benchmarks.metrics.SalesMetricsBenchmark.%s", "mode": "avgt",
         "params": {"deals": "%s"},
         "primaryMetric": {"score": %s, "scoreError": 0.1, "scoreUnit": "ms/op",
           "scorePercentiles": {"50.0": %s}}}
        """;
    String json = "[" + String.join(",",
        metrics.formatted("rapport", "1000000", 12, 12),
        metrics.formatted("handWrittenLoop", "1000000", 10, 10),
        metrics.formatted("handWrittenLoop", "10000000", 100, 100)) + "]";

    String md = new ResultsTable(ResultsTable.read(json)).markdown();

    assertThat(md).contains("| sales metrics: one pass vs a hand-written loop | deals=1000000 | 12.0 | 10.0 | ms/op (median) | 0.833× |");
    assertThat(md).contains("| sales metrics over 1,000,000 deals ≤ 1.5× the hand-written loop's time | 1.20× the loop's time | met |");
    assertThat(md).doesNotContain("| sales metrics: one pass vs a hand-written loop | deals=10000000");
  }
}
