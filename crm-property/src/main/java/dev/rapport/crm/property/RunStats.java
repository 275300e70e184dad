package dev.rapport.crm.property;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** What one property run collected: classification labels per try and how filters judged values. */
final class RunStats {
  /** The run whose try is executing on this thread, for {@link Stats#label(String)}. */
  static final ThreadLocal<RunStats> CURRENT = new ThreadLocal<>();

  private final Map<String, Long> labelCounts = new HashMap<>();
  private final Map<String, long[]> filters = new LinkedHashMap<>();
  private final Set<String> tryLabels = new HashSet<>();

  void label(String label) {
    tryLabels.add(label);
  }

  void beginTry() {
    tryLabels.clear();
  }

  /** Counts the labels of a try that ran; a discarded try's labels are dropped. */
  void endTry(boolean counted) {
    if (counted) {
      for (String label : tryLabels) {
        labelCounts.merge(label, 1L, Long::sum);
      }
    }
    tryLabels.clear();
  }

  void filtered(String filter, boolean accepted) {
    long[] counts = filters.computeIfAbsent(filter, f -> new long[2]);
    counts[0]++;
    if (!accepted) {
      counts[1]++;
    }
  }

  /** Label counts, most frequent first (ties by name). */
  Map<String, Long> labels() {
    Map<String, Long> sorted = new LinkedHashMap<>();
    labelCounts.entrySet().stream()
        .sorted(
            Map.Entry.<String, Long>comparingByValue()
                .reversed()
                .thenComparing(Map.Entry.comparingByKey()))
        .forEach(e -> sorted.put(e.getKey(), e.getValue()));
    return sorted;
  }

  /** The filter that rejected the most values, described with its counts, or null if none did. */
  String worstFilter() {
    String worst = null;
    long[] worstCounts = null;
    for (Map.Entry<String, long[]> e : filters.entrySet()) {
      if (worstCounts == null || e.getValue()[1] > worstCounts[1]) {
        worst = e.getKey();
        worstCounts = e.getValue();
      }
    }
    if (worst == null || worstCounts[1] == 0) {
      return null;
    }
    return String.format(
        "filter %s rejected %d of %d values (%.1f%%)",
        worst, worstCounts[1], worstCounts[0], 100.0 * worstCounts[1] / worstCounts[0]);
  }
}
