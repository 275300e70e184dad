package dev.rapport.crm.property;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The outcome of running a property: how many tries ran, with which seed, the classification
 * labels, and for a failure the minimal and the original counterexample. Immutable.
 *
 * <pre>{@code
 * PropertyResult result = PropertyCheck.forAll(Gen.integers(0, 100)).tries(500).check(n -> {
 *   Stats.label(n % 2 == 0 ? "even" : "odd");
 *   assertThat(n).isBetween(0, 100);
 * });
 * int tries = result.tries();                        // 500
 * double even = result.labelPercentage("even");      // about 50.0
 * }</pre>
 *
 * <p>A failing {@link PropertyCheck} throws a {@link PropertyFailure}; its {@link
 * PropertyFailure#result()} is the failed result.
 */
public final class PropertyResult {
  /**
   * Whether a property held.
   *
   * <pre>{@code
   * if (failure.result().status() == PropertyResult.Status.GAVE_UP) {
   *   // filters or assumptions discarded too many examples: no counterexample
   * }
   * }</pre>
   */
  public enum Status {
    /** Every try passed. */
    PASSED,
    /** A try failed; the result has a counterexample. */
    FAILED,
    /** So many examples were discarded (by filters or assumptions) that the run gave up. */
    GAVE_UP
  }

  private final String id;
  private final Status status;
  private final long seed;
  private final int tries;
  private final int discards;
  private final Map<String, Long> labels;
  private final List<Object> counterexample;
  private final List<Object> originalCounterexample;
  private final List<String> names;
  private final int shrinkSteps;
  private final Throwable failure;
  private final String note;

  PropertyResult(
      String id,
      Status status,
      long seed,
      int tries,
      int discards,
      Map<String, Long> labels,
      List<Object> counterexample,
      List<Object> originalCounterexample,
      List<String> names,
      int shrinkSteps,
      Throwable failure,
      String note) {
    this.id = id;
    this.status = status;
    this.seed = seed;
    this.tries = tries;
    this.discards = discards;
    this.labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
    this.counterexample = counterexample;
    this.originalCounterexample = originalCounterexample;
    this.names = List.copyOf(names);
    this.shrinkSteps = shrinkSteps;
    this.failure = failure;
    this.note = note;
  }

  /**
   * The property's id, which keys its stored failure.
   *
   * @return the id
   */
  public String id() {
    return id;
  }

  /**
   * Whether the property held, failed or gave up.
   *
   * @return the status
   */
  public Status status() {
    return status;
  }

  /**
   * Whether every try passed.
   *
   * @return {@code true} if the status is {@link Status#PASSED}
   */
  public boolean passed() {
    return status == Status.PASSED;
  }

  /**
   * The seed of the run; running with it again repeats the run.
   *
   * @return the seed
   */
  public long seed() {
    return seed;
  }

  /**
   * How many examples ran the check, including a failing one (discarded ones do not count).
   *
   * @return the number of tries
   */
  public int tries() {
    return tries;
  }

  /**
   * How many examples were discarded by filters or assumptions.
   *
   * @return the number of discarded examples
   */
  public int discards() {
    return discards;
  }

  /**
   * How many tries had each classification label (see {@link Stats#label(String)}), most
   * frequent first.
   *
   * @return label counts, in descending order of count
   */
  public Map<String, Long> labels() {
    return labels;
  }

  /**
   * The share of tries that had a label, in percent.
   *
   * @param label the label
   * @return a percentage from 0 to 100; 0 for an unknown label
   */
  public double labelPercentage(String label) {
    Long count = labels.get(label);
    return count == null || tries == 0 ? 0.0 : 100.0 * count / tries;
  }

  /**
   * The minimal counterexample: one value per generator (a stateful test has one value, the
   * list of actions that ran); empty unless the property failed.
   *
   * @return the shrunk values that make the property fail
   */
  public List<Object> counterexample() {
    return counterexample;
  }

  /**
   * The counterexample as first found, before shrinking; empty unless the property failed.
   *
   * @return the original failing values
   */
  public List<Object> originalCounterexample() {
    return originalCounterexample;
  }

  /**
   * How many times shrinking found a simpler failing example.
   *
   * @return the number of successful shrink steps
   */
  public int shrinkSteps() {
    return shrinkSteps;
  }

  /**
   * What the check threw for the minimal counterexample.
   *
   * @return the failure, empty unless the property failed
   */
  public Optional<Throwable> failure() {
    return Optional.ofNullable(failure);
  }

  /**
   * A readable report: status, tries, seed, labels and, for a failure, the counterexamples.
   *
   * @return the report, several lines for a failure
   */
  public String summary() {
    StringBuilder out = new StringBuilder();
    out.append("Property ").append(id);
    switch (status) {
      case PASSED:
        out.append(" passed ").append(tries).append(tries == 1 ? " try" : " tries");
        break;
      case FAILED:
        out.append(" failed after ").append(tries).append(tries == 1 ? " try" : " tries");
        break;
      default:
        out.append(" gave up after ").append(tries).append(tries == 1 ? " try" : " tries");
    }
    out.append(" (seed ").append(seed);
    if (discards > 0) {
      out.append(", ").append(discards).append(" discarded");
    }
    if (status == Status.FAILED) {
      out.append(", ").append(shrinkSteps).append(" shrink steps");
    }
    out.append(')');
    if (status == Status.FAILED) {
      out.append("\nMinimal counterexample:");
      appendValues(out, counterexample);
      out.append("\nOriginal counterexample:");
      appendValues(out, originalCounterexample);
      if (failure != null) {
        out.append("\nFailure: ").append(failure);
      }
    }
    if (!labels.isEmpty() && tries > 0) {
      out.append("\nLabels:");
      for (String label : labels.keySet()) {
        out.append(String.format("%n  %5.1f%% %s (%d)", labelPercentage(label), label, labels.get(label)));
      }
    }
    if (note != null) {
      out.append('\n').append(note);
    }
    return out.toString();
  }

  private void appendValues(StringBuilder out, List<Object> values) {
    for (int i = 0; i < values.size(); i++) {
      String name = i < names.size() ? names.get(i) : "arg" + i;
      out.append("\n  ").append(name).append(" = ").append(Show.show(values.get(i)));
    }
  }

  @Override
  public String toString() {
    return summary();
  }
}
