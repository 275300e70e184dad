package dev.rapport.crm.benchmarks.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.drools.model.codegen.ExecutableModelProject;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.Message;
import org.kie.api.runtime.rule.FactHandle;

/**
 * Drools 10: the rules as DRL, compiled at run time into a {@link KieBase} (executable model, the
 * default since Drools 8); events are inserted into one long-lived working memory, fired, and
 * deleted.
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

  /** Compiles DRL into a knowledge base with the executable model, the way Drools' own utilities do. */
  static KieBase compile(String drl) {
    KieServices services = KieServices.Factory.get();
    KieBuilder builder = services.newKieBuilder(
            services.newKieFileSystem().write("src/main/resources/rapport/bench/rules.drl", drl))
        .buildAll(ExecutableModelProject.class);
    if (builder.getResults().hasMessages(Message.Level.ERROR)) {
      throw new IllegalStateException("DRL does not compile: " + builder.getResults());
    }
    return services.newKieContainer(builder.getKieModule().getReleaseId())
        .newKieBase(services.newKieBaseConfiguration());
  }

  static Selector build(KieBase base) {
    // One long-lived working memory; each event is inserted, fired and deleted.
    var memory = base.newKieSession();
    List<String> selected = new ArrayList<>();
    memory.setGlobal("selected", selected);
    return prepared -> {
      BenchEvent event = (BenchEvent) prepared;
      selected.clear();
      FactHandle handle = memory.insert(event);
      memory.fireAllRules();
      memory.delete(handle);
      return selected;
    };
  }
}
