package dev.rapport.crm.benchmarks.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.drools.model.codegen.ExecutableModelProject;
import org.kie.api.KieBase;
import org.kie.api.io.ResourceType;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;
import org.kie.internal.utils.KieHelper;

/**
 * Drools 10: the rules as DRL, compiled at run time into a {@link KieBase} (executable model, the
 * default since Drools 8); events are inserted into one long-lived session, fired, and deleted.
 */
final class DroolsEngine {
  private DroolsEngine() {}

  /** Translates the specification into one DRL document. */
  static String translate(List<RuleSpec> specs) {
    StringBuilder drl = new StringBuilder()
        .append("package dev.rapport.crm.benchmarks.rules.drl;\n")
        .append("import ").append(BenchEvent.class.getName()).append(";\n")
        .append("global java.util.List selected;\n");
    for (RuleSpec spec : specs) {
      List<String> constraints = new ArrayList<>();
      constraints.add("type == \"" + spec.eventType() + "\"");
      if (spec.country() != null) {
        constraints.add("country == \"" + spec.country() + "\"");
      }
      if (spec.scoreRange() != null) {
        constraints.add("score >= " + spec.scoreRange()[0]);
        constraints.add("score <= " + spec.scoreRange()[1]);
      }
      if (!spec.sources().isEmpty()) {
        constraints.add("source in (" + spec.sources().stream().map(s -> "\"" + s + "\"")
            .collect(Collectors.joining(", ")) + ")");
      }
      drl.append("rule \"").append(spec.id()).append("\" salience ").append(spec.priority()).append('\n')
          .append("when\n  BenchEvent( ").append(String.join(", ", constraints)).append(" )\n")
          .append("then\n  selected.add(\"").append(spec.id()).append("\");\nend\n");
    }
    return drl.toString();
  }

  /** Compiles DRL into a knowledge base. */
  static KieBase compile(String drl) {
    return new KieHelper().addContent(drl, ResourceType.DRL).build(ExecutableModelProject.class);
  }

  static Selector build(KieBase base) {
    KieSession session = base.newKieSession();
    List<String> selected = new ArrayList<>();
    session.setGlobal("selected", selected);
    return prepared -> {
      BenchEvent event = (BenchEvent) prepared;
      selected.clear();
      FactHandle handle = session.insert(event);
      session.fireAllRules();
      session.delete(handle);
      return selected;
    };
  }
}
