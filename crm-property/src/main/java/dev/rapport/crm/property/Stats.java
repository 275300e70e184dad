package dev.rapport.crm.property;

import java.util.Objects;

/**
 * Classifies the examples of a property so that a run reports what it actually tested. Call
 * {@link #label(String)} inside the check; the result (and the log, and the JUnit report) lists
 * each label with the percentage of tries that had it.
 *
 * <pre>{@code
 * PropertyCheck.forAll(Gen.lists(Gen.integers(), 0, 10)).check(list -> {
 *   Stats.label(list.isEmpty() ? "empty list" : "non-empty list");
 *   assertThat(reverse(reverse(list))).isEqualTo(list);
 * });
 * }</pre>
 */
public final class Stats {
  private Stats() {}

  /**
   * Marks the current try with {@code label}; several labels per try are fine, and repeating one
   * counts it once. Outside a property's try (for example while shrinking) this does nothing.
   *
   * @param label a short description of the example
   */
  public static void label(String label) {
    Objects.requireNonNull(label, "label");
    RunStats stats = RunStats.CURRENT.get();
    if (stats != null) {
      stats.label(label);
    }
  }

  /**
   * Marks the current try with {@code label} when {@code condition} holds.
   *
   * @param condition whether the label applies
   * @param label a short description of the example
   */
  public static void label(boolean condition, String label) {
    if (condition) {
      label(label);
    }
  }
}
