package dev.rapport.crm.benchmarks.rules;

import java.util.List;
import java.util.Set;

/**
 * One rule of the neutral specification the engines' own formats are generated from: on an
 * event of one type, select the rule when every condition holds.
 *
 * @param id the rule id, unique in a set
 * @param priority the priority (higher first)
 * @param eventType the event type that triggers it
 * @param country when present, the country must equal it (equality condition)
 * @param scoreRange when present, {@code [low, high]}: the score must lie within, bounds included
 *     (range condition)
 * @param sources when not empty, the source must be one of them (set condition)
 */
public record RuleSpec(
    String id, int priority, String eventType, String country, long[] scoreRange, List<String> sources) {

  /**
   * The reference meaning every translation must reproduce.
   *
   * @param event an event
   * @return whether this rule selects it
   */
  public boolean matches(BenchEvent event) {
    if (!eventType.equals(event.getType())) {
      return false;
    }
    if (country != null && !country.equals(event.getCountry())) {
      return false;
    }
    if (scoreRange != null && (event.getScore() < scoreRange[0] || event.getScore() > scoreRange[1])) {
      return false;
    }
    return sources.isEmpty() || Set.copyOf(sources).contains(event.getSource());
  }
}
