package dev.rapport.crm.benchmarks.rules;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Rapport's rule selection against Easy Rules and Drools on the same generated rules and events:
 * events per second through evaluation and selection (the selected rules' ids are recorded, no
 * action runs), and the time to build each engine's rule set from its own definitions. Before
 * measuring, {@link SameSelectionCheck} proves the engine selects what the specification says.
 *
 * <pre>{@code
 * java -jar benchmarks/target/benchmarks.jar RuleEngineBenchmark -p rules=1000 -f 1 -wi 2 -i 5 -w 1s -r 1s
 * }</pre>
 */
@State(Scope.Thread)
public class RuleEngineBenchmark {
  /** The engine. */
  @Param({"RAPPORT", "EASY_RULES", "DROOLS"})
  public Engine engine;

  /** Rules in the set, over 20 event types. */
  @Param({"10", "100", "1000"})
  public int rules;

  private static final int EVENTS = 1024;

  private Object definitions;
  private Selector selector;
  private Object[] prepared;
  private int next;

  /** Generates the rules and events, checks the engine's selections, and builds it. */
  @Setup
  public void setUp() {
    List<RuleSpec> specs = RuleSpecs.rules(rules, RuleSpecs.SEED);
    List<BenchEvent> events = RuleSpecs.events(EVENTS, RuleSpecs.SEED);
    definitions = engine.definitions(specs);
    selector = engine.selector(engine.build(definitions));
    SameSelectionCheck.verify(engine.name(), selector, specs, events);
    prepared = new Object[EVENTS];
    for (int i = 0; i < EVENTS; i++) {
      prepared[i] = selector.prepare(events.get(i));
    }
  }

  /**
   * Evaluates one event: one operation is one event, so the score is events per second.
   *
   * @return the selected rule ids
   */
  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  public List<String> select() {
    return selector.select(prepared[next++ & (EVENTS - 1)]);
  }

  /**
   * Builds the engine's rule set from its definitions (JSON, DRL, or lambda rules).
   *
   * @return the built rule set
   */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public Object build() {
    return engine.build(definitions);
  }
}
