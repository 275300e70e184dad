package dev.rapport.crm.benchmarks.report;

import java.util.Map;

/**
 * One benchmark result as JMH writes it in its JSON output.
 *
 * @param benchmark the class's simple name and the method, e.g. {@code RuleEngineBenchmark.select}
 * @param mode JMH's mode: {@code thrpt}, {@code avgt}, {@code sample}, {@code ss}
 * @param params the parameters, in JMH's order
 * @param score the primary score as JMH reports it
 * @param error the score's error (99.9% confidence half-width), NaN when JMH has none
 * @param unit the score's unit
 * @param percentiles the primary metric's percentiles ({@code "50.0"} is the median: of the
 *     iterations' scores, or of the samples in sample mode)
 * @param secondary the secondary metrics' scores by name
 */
public record Result(String benchmark, String mode, Map<String, String> params, double score, double error,
    String unit, Map<String, Double> percentiles, Map<String, Double> secondary) {

  /**
   * A parameter's value.
   *
   * @param name the parameter
   * @return its value, or an empty string
   */
  public String param(String name) {
    return params.getOrDefault(name, "");
  }

  /**
   * The median: the 50th percentile JMH computed.
   *
   * @return the median, or the score when JMH gave no percentiles
   */
  public double median() {
    return percentiles.getOrDefault("50.0", score);
  }
}
