package dev.rapport.crm.benchmarks.rules;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rapport.crm.workflow.Facts;
import dev.rapport.crm.workflow.JsonRules;
import dev.rapport.crm.workflow.Rule;
import dev.rapport.crm.workflow.RuleSelector;
import java.util.ArrayList;
import java.util.List;

/**
 * Rapport: the rules as a JSON document (the format hosts load), parsed into a rule set and
 * compiled into a {@link RuleSelector}, the index the workflow engine selects rules with.
 */
final class RapportEngine {
  private static final ObjectMapper JSON = new ObjectMapper();

  private RapportEngine() {}

  /** Translates the specification into a JSON rule document over lead fields. */
  static String translate(List<RuleSpec> specs) {
    ObjectNode document = JSON.createObjectNode();
    ArrayNode rules = document.putArray("rules");
    for (RuleSpec spec : specs) {
      ObjectNode rule = rules.addObject();
      rule.put("id", spec.id());
      rule.put("entity", "lead");
      rule.put("priority", spec.priority());
      rule.put("enrollment", "RE_ENROLL");
      rule.putObject("trigger").put("event", spec.eventType());
      ArrayNode all = rule.putObject("condition").putArray("all");
      if (spec.country() != null) {
        all.addObject().put("field", "country").put("op", "=").put("value", spec.country());
      }
      if (spec.scoreRange() != null) {
        ObjectNode between = all.addObject().put("field", "score").put("op", "between");
        between.putArray("value").add(spec.scoreRange()[0]).add(spec.scoreRange()[1]);
      }
      if (!spec.sources().isEmpty()) {
        ObjectNode in = all.addObject().put("field", "source").put("op", "in");
        ArrayNode values = in.putArray("value");
        spec.sources().forEach(values::add);
      }
      if (all.isEmpty()) {
        rule.remove("condition");
      }
      rule.putArray("actions").addObject().put("type", "addTag").put("tag", spec.id());
    }
    return document.toString();
  }

  /** Parses and type-checks the JSON, and compiles the selection index. */
  static RuleSelector compile(String json) {
    return RuleSelector.of(JsonRules.parser().parse(json));
  }

  /** The facts of an event, built once per event as the peers' event objects are. */
  static Facts facts(BenchEvent event) {
    return Facts.builder()
        .put("country", event.getCountry())
        .put("score", event.getScore())
        .put("source", event.getSource())
        .build();
  }

  static Selector build(RuleSelector selector) {
    List<String> selected = new ArrayList<>();
    return new Selector() {
      @Override
      public Object prepare(BenchEvent event) {
        return new Prepared(event.getType(), facts(event));
      }

      @Override
      public List<String> select(Object prepared) {
        Prepared event = (Prepared) prepared;
        selected.clear();
        for (Rule rule : selector.select(event.type(), event.facts())) {
          selected.add(rule.id());
        }
        return selected;
      }
    };
  }

  private record Prepared(String type, Facts facts) {}
}
