package dev.rapport.crm.benchmarks.rules;

import java.util.List;
import org.jeasy.rules.api.Rules;
import org.kie.api.KieBase;

/**
 * The engines compared. Each one translates the neutral specification into its own format
 * ({@link #definitions}), builds its runtime rule set from that ({@link #build}, the part whose
 * time and retained heap are measured), and evaluates events with it ({@link #selector}).
 */
public enum Engine {
  /** Rapport's workflow selector, from JSON rules. */
  RAPPORT {
    @Override
    public Object definitions(List<RuleSpec> rules) {
      return RapportEngine.translate(rules);
    }

    @Override
    public Object build(Object definitions) {
      return RapportEngine.compile((String) definitions);
    }

    @Override
    public Selector selector(Object built) {
      return RapportEngine.build((dev.rapport.crm.workflow.RuleSelector) built);
    }
  },
  /** Easy Rules 4.1, lambda rules and the default engine. */
  EASY_RULES {
    @Override
    public Object definitions(List<RuleSpec> rules) {
      return rules;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Object build(Object definitions) {
      return EasyRulesEngine.translate((List<RuleSpec>) definitions);
    }

    @Override
    public Selector selector(Object built) {
      return EasyRulesEngine.build((Rules) built);
    }
  },
  /** Drools 10 from DRL, executable model. */
  DROOLS {
    @Override
    public Object definitions(List<RuleSpec> rules) {
      return DroolsEngine.translate(rules);
    }

    @Override
    public Object build(Object definitions) {
      return DroolsEngine.compile((String) definitions);
    }

    @Override
    public Selector selector(Object built) {
      return DroolsEngine.build((KieBase) built);
    }
  };

  /**
   * The rules in this engine's own format.
   *
   * @param rules the specification
   * @return JSON text, DRL text, or (for Easy Rules, whose rules are Java objects) the
   *     specification the lambda rules are made from
   */
  public abstract Object definitions(List<RuleSpec> rules);

  /**
   * Builds the runtime rule set from the definitions.
   *
   * @param definitions from {@link #definitions}
   * @return the built rule set
   */
  public abstract Object build(Object definitions);

  /**
   * A selector over a built rule set.
   *
   * @param built from {@link #build}
   * @return a selector, for one thread
   */
  public abstract Selector selector(Object built);
}
