package dev.rapport.crm.benchmarks.rules;

import java.util.ArrayList;
import java.util.List;
import org.jeasy.rules.api.Condition;
import org.jeasy.rules.api.Facts;
import org.jeasy.rules.api.Rules;
import org.jeasy.rules.core.DefaultRulesEngine;
import org.jeasy.rules.core.RuleBuilder;

/** Easy Rules 4.1: one lambda rule per specified rule, fired by the default engine. */
final class EasyRulesEngine {
  private EasyRulesEngine() {}

  /**
   * Translates the specification into Easy Rules lambda rules. Each condition closes over the
   * rule's own values only; nothing is shared between rules.
   */
  static Rules translate(List<RuleSpec> specs) {
    Rules rules = new Rules();
    for (RuleSpec spec : specs) {
      String id = spec.id();
      String type = spec.eventType();
      String country = spec.country();
      boolean ranged = spec.scoreRange() != null;
      long low = ranged ? spec.scoreRange()[0] : 0;
      long high = ranged ? spec.scoreRange()[1] : 0;
      List<String> sources = spec.sources();
      Condition condition = facts -> {
        BenchEvent event = facts.get("event");
        return type.equals(event.getType())
            && (country == null || country.equals(event.getCountry()))
            && (!ranged || (event.getScore() >= low && event.getScore() <= high))
            && (sources.isEmpty() || sources.contains(event.getSource()));
      };
      rules.register(new RuleBuilder()
          .name(id)
          // Easy Rules fires lower numbers first.
          .priority(-spec.priority())
          .when(condition)
          .then(facts -> facts.<List<String>>get("selected").add(id))
          .build());
    }
    return rules;
  }

  static Selector build(Rules rules) {
    DefaultRulesEngine engine = new DefaultRulesEngine();
    List<String> selected = new ArrayList<>();
    Facts facts = new Facts();
    facts.put("selected", selected);
    return prepared -> {
      BenchEvent event = (BenchEvent) prepared;
      selected.clear();
      facts.put("event", event);
      engine.fire(rules, facts);
      return selected;
    };
  }
}
