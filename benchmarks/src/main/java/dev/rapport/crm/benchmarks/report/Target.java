package dev.rapport.crm.benchmarks.report;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A target from the project's issues, checked against results.
 *
 * @param name what is promised
 * @param check from the results, the measured figure as text and whether it meets the target;
 *     empty when the results do not contain the benchmarks it needs
 */
public record Target(String name, Function<List<Result>, Optional<String[]>> check) {
  /**
   * Checks the target.
   *
   * @param results the results
   * @return the measured text and {@code "true"} or {@code "false"}, or empty when not measured
   */
  public Optional<String[]> measure(List<Result> results) {
    return check.apply(results);
  }
}
