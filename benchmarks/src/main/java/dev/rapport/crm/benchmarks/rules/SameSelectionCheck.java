package dev.rapport.crm.benchmarks.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * The check run before every measurement: an engine, built from its own translation of the
 * specification, must select exactly the rules the specification's reference meaning selects, for
 * every event. Since every engine is held to the same reference, all select the same rules.
 */
public final class SameSelectionCheck {
  private SameSelectionCheck() {}

  /**
   * Builds the engine from its definitions and compares its selections with the reference.
   *
   * @param engine the engine
   * @param rules the specification
   * @param events the events
   * @return how many selections agreed (rules selected, summed over the events)
   * @throws IllegalStateException naming the first event where the engine differs, or when the
   *     scenario selects nothing at all (a check that could not tell engines apart)
   */
  public static int verify(Engine engine, List<RuleSpec> rules, List<BenchEvent> events) {
    return verify(engine.name(), engine.selector(engine.build(engine.definitions(rules))), rules, events);
  }

  /**
   * Compares a built selector's selections with the reference.
   *
   * @param name the engine's name, for the message
   * @param selector the selector
   * @param rules the specification it was built from
   * @param events the events
   * @return how many selections agreed
   * @throws IllegalStateException naming the first event where the selector differs
   */
  public static int verify(String name, Selector selector, List<RuleSpec> rules, List<BenchEvent> events) {
    int agreed = 0;
    for (BenchEvent event : events) {
      List<String> expected = new ArrayList<>();
      for (RuleSpec rule : rules) {
        if (rule.matches(event)) {
          expected.add(rule.id());
        }
      }
      List<String> actual = new ArrayList<>(selector.select(selector.prepare(event)));
      actual.sort(null);
      if (!actual.equals(expected)) {
        throw new IllegalStateException(name + " selected " + actual + " for " + event
            + " but the specification selects " + expected);
      }
      agreed += expected.size();
    }
    if (agreed == 0 && !rules.isEmpty()) {
      throw new IllegalStateException("no event selects any rule: the check would prove nothing");
    }
    return agreed;
  }
}
