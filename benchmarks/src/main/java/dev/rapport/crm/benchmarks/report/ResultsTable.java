package dev.rapport.crm.benchmarks.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Turns JMH JSON result files into the Markdown published in {@code docs/performance.md}: the
 * rule engines side by side with their ratios, the targets met or missed, and every result.
 *
 * <pre>{@code
 * java -cp benchmarks/target/benchmarks.jar dev.rapport.crm.benchmarks.report.ResultsTable \
 *     benchmarks/results/table.md benchmarks/results/*.json
 * }</pre>
 */
public final class ResultsTable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final List<Result> results;

  /**
   * A table over results.
   *
   * @param results the results, in any order
   */
  public ResultsTable(List<Result> results) {
    this.results = List.copyOf(results);
  }

  /**
   * Writes the table.
   *
   * @param args the output Markdown file, then one or more JMH JSON result files
   * @throws IOException when a file cannot be read or written
   */
  public static void main(String[] args) throws IOException {
    if (args.length < 2) {
      System.err.println("usage: ResultsTable <table.md> <jmh-result.json>...");
      System.exit(2);
    }
    List<Result> all = new ArrayList<>();
    for (int i = 1; i < args.length; i++) {
      all.addAll(read(Files.readString(Path.of(args[i]), StandardCharsets.UTF_8)));
    }
    Files.writeString(Path.of(args[0]), new ResultsTable(all).markdown(), StandardCharsets.UTF_8);
  }

  /**
   * Reads JMH's JSON output.
   *
   * @param json the text of one result file (a JSON array)
   * @return its results
   * @throws IOException when it is not JSON
   */
  public static List<Result> read(String json) throws IOException {
    List<Result> out = new ArrayList<>();
    for (JsonNode node : JSON.readTree(json)) {
      String name = node.path("benchmark").asText();
      String[] parts = name.split("\\.");
      String shortName = parts.length >= 2 ? parts[parts.length - 2] + "." + parts[parts.length - 1] : name;
      Map<String, String> params = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> e : node.path("params").properties()) {
        params.put(e.getKey(), e.getValue().asText());
      }
      JsonNode primary = node.path("primaryMetric");
      Map<String, Double> percentiles = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> e : primary.path("scorePercentiles").properties()) {
        percentiles.put(e.getKey(), e.getValue().asDouble());
      }
      Map<String, Double> secondary = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> e : node.path("secondaryMetrics").properties()) {
        secondary.put(e.getKey(), e.getValue().path("score").asDouble());
      }
      JsonNode error = primary.path("scoreError");
      out.add(new Result(shortName, node.path("mode").asText(), params, primary.path("score").asDouble(),
          error.isNumber() ? error.asDouble() : Double.NaN, primary.path("scoreUnit").asText(), percentiles,
          secondary));
    }
    return out;
  }

  /**
   * The Markdown: comparison, targets, and all results.
   *
   * @return the Markdown text
   */
  public String markdown() {
    StringBuilder md = new StringBuilder();
    md.append(engines());
    md.append(pairs());
    md.append(targets());
    md.append(all());
    return md.toString();
  }

  private static final String RULES = "RuleEngineBenchmark";
  private static final String HEAP = "RuleEngineHeapBenchmark";

  private Optional<Result> find(Predicate<Result> test) {
    return results.stream().filter(test).findFirst();
  }

  private Optional<Double> engineFigure(String measure, String engine, String rules) {
    return switch (measure) {
      case "select" -> find(r -> r.benchmark().equals(RULES + ".select") && r.param("engine").equals(engine)
          && r.param("rules").equals(rules)).map(Result::median);
      case "build" -> find(r -> r.benchmark().equals(RULES + ".build") && r.param("engine").equals(engine)
          && r.param("rules").equals(rules)).map(Result::median);
      case "heap" -> find(r -> r.benchmark().startsWith(HEAP + ".") && r.param("engine").equals(engine)
          && r.param("rules").equals(rules) && r.secondary().containsKey("retainedBytes"))
          .map(r -> r.secondary().get("retainedBytes"));
      default -> Optional.empty();
    };
  }

  /** Rapport's advantage: above 1 means Rapport is ahead (faster, or smaller). */
  private Optional<Double> advantage(String measure, String peer, String rules) {
    Optional<Double> ours = engineFigure(measure, "RAPPORT", rules);
    Optional<Double> theirs = engineFigure(measure, peer, rules);
    if (ours.isEmpty() || theirs.isEmpty() || ours.get() <= 0 || theirs.get() <= 0) {
      return Optional.empty();
    }
    return Optional.of(measure.equals("select") ? ours.get() / theirs.get() : theirs.get() / ours.get());
  }

  private String engines() {
    List<String> sizes = results.stream()
        .filter(r -> r.benchmark().startsWith(RULES + ".") || r.benchmark().startsWith(HEAP + "."))
        .map(r -> r.param("rules")).distinct().sorted(Comparator.comparingInt(Integer::parseInt)).toList();
    if (sizes.isEmpty()) {
      return "";
    }
    StringBuilder md = new StringBuilder("### Rule engines: Rapport against Easy Rules and Drools\n\n")
        .append("| rules | measure | Rapport | Easy Rules | Drools | Rapport vs Easy Rules | Rapport vs Drools |\n")
        .append("|---:|---|---:|---:|---:|---:|---:|\n");
    String[][] measures = {
      {"select", "events/s (median)"}, {"build", "build, ms (median)"}, {"heap", "retained heap, bytes"}};
    for (String rules : sizes) {
      for (String[] measure : measures) {
        if (engineFigure(measure[0], "RAPPORT", rules).isEmpty()) {
          continue;
        }
        md.append("| ").append(rules).append(" | ").append(measure[1]);
        for (String engine : List.of("RAPPORT", "EASY_RULES", "DROOLS")) {
          md.append(" | ").append(engineFigure(measure[0], engine, rules).map(ResultsTable::number).orElse("–"));
        }
        for (String peer : List.of("EASY_RULES", "DROOLS")) {
          md.append(" | ").append(advantage(measure[0], peer, rules).map(ResultsTable::ratio).orElse("–"));
        }
        md.append(" |\n");
      }
    }
    md.append("\nRatios above 1× mean Rapport is ahead: more events per second, a shorter build, a smaller heap.\n\n");
    return md.toString();
  }

  /**
   * Rapport against the other alternatives, method by method with the same parameters: the
   * peer's median time divided by Rapport's (above 1× Rapport is faster).
   */
  private static final String[][] PAIRS = {
    {"SalesMetricsBenchmark", "rapport", "handWrittenLoop", "sales metrics: one pass vs a hand-written loop"},
    {"SalesDealsBenchmark", "rapportOverDeals", "handWrittenLoop", "sales metrics over deal objects vs a loop"},
    {"JpaImportBenchmark", "adapter", "jdbcBatch", "import: JPA adapter vs plain JDBC batches"},
    {"JpaLookupBenchmark", "findByEmail", "jdbcFloor", "look-up by e-mail: JPA adapter vs plain JDBC"},
    {"JpaMetricsBenchmark", "pushDown", "loadAndComputeInMemory", "metrics: push-down vs load and compute"},
  };

  private String pairs() {
    StringBuilder md = new StringBuilder();
    for (String[] pair : PAIRS) {
      for (Result ours : results) {
        if (!ours.benchmark().equals(pair[0] + "." + pair[1])) {
          continue;
        }
        Optional<Result> theirs = find(r -> r.benchmark().equals(pair[0] + "." + pair[2])
            && r.params().equals(ours.params()) && r.unit().equals(ours.unit()));
        if (theirs.isEmpty() || ours.median() <= 0) {
          continue;
        }
        if (md.length() == 0) {
          md.append("### Rapport against the code a host would write instead\n\n")
              .append("| comparison | parameters | Rapport | alternative | unit | Rapport's advantage |\n")
              .append("|---|---|---:|---:|---|---:|\n");
        }
        boolean rate = ours.unit().endsWith("/s");
        double advantage = rate ? ours.median() / theirs.get().median() : theirs.get().median() / ours.median();
        md.append("| ").append(pair[3]).append(" | ").append(params(ours)).append(" | ")
            .append(number(ours.median())).append(" | ").append(number(theirs.get().median())).append(" | ")
            .append(ours.unit()).append(" (median) | ").append(ratio(advantage)).append(" |\n");
      }
    }
    return md.length() == 0 ? "" : md.append("\nAbove 1× Rapport is faster; below, the alternative is.\n\n").toString();
  }

  private static String params(Result r) {
    StringBuilder params = new StringBuilder();
    r.params().forEach((k, v) -> params.append(params.length() == 0 ? "" : ", ").append(k).append('=').append(v));
    return params.toString();
  }

  private String targets() {
    StringBuilder md = new StringBuilder("### Targets\n\n| target | measured | met |\n|---|---:|---|\n");
    int rows = 0;
    rows += ratioTarget(md, "events/s at 1,000 rules ≥ 50× Easy Rules'", "select", "EASY_RULES", 50);
    rows += ratioTarget(md, "events/s at 1,000 rules ≥ 3× Drools'", "select", "DROOLS", 3);
    rows += ratioTarget(md, "build of 1,000 rules ≥ 20× faster than Drools'", "build", "DROOLS", 20);
    rows += ratioTarget(md, "retained heap of 1,000 rules ≥ 10× smaller than Drools'", "heap", "DROOLS", 10);
    Optional<Double> events = engineFigure("select", "RAPPORT", "1000");
    if (events.isPresent()) {
      rows++;
      row(md, "≥ 1,000,000 events/s per core at 1,000 rules (workflow)", number(events.get()) + " events/s",
          events.get() >= 1_000_000);
    }
    Optional<Double> build = engineFigure("build", "RAPPORT", "1000");
    if (build.isPresent()) {
      rows++;
      row(md, "build from 1,000 JSON rules < 100 ms (workflow)", number(build.get()) + " ms", build.get() < 100);
    }
    for (Target target : Targets.OTHERS) {
      Optional<String[]> measured = target.measure(results);
      if (measured.isPresent()) {
        rows++;
        row(md, target.name(), measured.get()[0], Boolean.parseBoolean(measured.get()[1]));
      }
    }
    return rows == 0 ? "" : md.append('\n').toString();
  }

  private int ratioTarget(StringBuilder md, String name, String measure, String peer, double wanted) {
    Optional<Double> ratio = advantage(measure, peer, "1000");
    if (ratio.isEmpty()) {
      return 0;
    }
    row(md, name, ratio(ratio.get()), ratio.get() >= wanted);
    return 1;
  }

  private static void row(StringBuilder md, String name, String measured, boolean met) {
    md.append("| ").append(name).append(" | ").append(measured).append(" | ").append(met ? "met" : "**missed**")
        .append(" |\n");
  }

  private String all() {
    StringBuilder md = new StringBuilder("### All results\n\n")
        .append("| benchmark | parameters | mode | score | ± error | unit | median | p90 | p99 | secondary |\n")
        .append("|---|---|---|---:|---:|---|---:|---:|---:|---|\n");
    List<Result> sorted = new ArrayList<>(results);
    sorted.sort(Comparator.comparing(Result::benchmark));
    for (Result r : sorted) {
      boolean sample = r.mode().equals("sample");
      String params = params(r);
      StringBuilder secondary = new StringBuilder();
      r.secondary().forEach((k, v) -> {
        // JMH repeats sample mode's percentiles as secondary results; they have their columns.
        if (!k.startsWith("·") && !k.matches("p[0-9.]+")) {
          secondary.append(secondary.length() == 0 ? "" : ", ").append(k).append('=').append(number(v));
        }
      });
      md.append("| ").append(r.benchmark()).append(" | ").append(params).append(" | ").append(r.mode())
          .append(" | ").append(number(r.score())).append(" | ")
          .append(Double.isNaN(r.error()) ? "" : number(r.error())).append(" | ").append(r.unit())
          .append(" | ").append(number(r.median()))
          .append(" | ").append(sample ? number(r.percentiles().getOrDefault("90.0", Double.NaN)) : "")
          .append(" | ").append(sample ? number(r.percentiles().getOrDefault("99.0", Double.NaN)) : "")
          .append(" | ").append(secondary).append(" |\n");
    }
    return md.append('\n').toString();
  }

  /** A number with three significant digits at most, and thousands separators. */
  static String number(double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      return "–";
    }
    double abs = Math.abs(value);
    if (abs >= 100) {
      return String.format(Locale.ROOT, "%,.0f", value);
    }
    if (abs >= 10) {
      return String.format(Locale.ROOT, "%.1f", value);
    }
    if (abs >= 1) {
      return String.format(Locale.ROOT, "%.2f", value);
    }
    return String.format(Locale.ROOT, "%.3g", value);
  }

  static String ratio(double value) {
    return number(value) + "×";
  }
}
