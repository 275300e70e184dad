package dev.rapport.crm.benchmarks.workflow;

import dev.rapport.crm.workflow.Facts;
import dev.rapport.crm.workflow.JsonRules;
import dev.rapport.crm.workflow.Rule;
import dev.rapport.crm.workflow.RuleSelector;
import dev.rapport.crm.workflow.RuleSet;
import dev.rapport.crm.workflow.Schema;
import java.util.List;
import java.util.SplittableRandom;
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
 * Rule selection through the index: 1,000 rules loaded from JSON, spread over 20 event types,
 * each with equality, {@code in} and range conditions; one event (a type and the entity's facts)
 * per operation, its selected rules returned (their actions are not run). Also the time to load
 * and index the rules.
 *
 * <pre>{@code
 * mvn -B -q -pl benchmarks -am package -Dquick -DskipTests
 * java -jar benchmarks/target/benchmarks.jar SelectionBenchmark -f 1 -wi 2 -i 5 -w 1s -r 1s -t 1
 * }</pre>
 */
@State(Scope.Benchmark)
public class SelectionBenchmark {
  /** Rules in the set. */
  @Param({"1000"})
  public int rules;

  /**
   * Distinct events cycled through: 16 stay in the CPU caches, as the facts of an event just
   * built by the host would; 1024 mostly come from memory.
   */
  @Param({"16", "1024"})
  public int pool;

  private Schema schema;
  private String json;
  private List<Rule> parsed;
  private RuleSelector selector;
  private String[] types;
  private Facts[] facts;
  private int next;

  /** Generates, loads and indexes the rules, and a pool of random events. */
  @Setup
  public void setUp() {
    schema = RuleGenerator.schema();
    json = RuleGenerator.json(rules, 42);
    RuleSet set = JsonRules.parser().schema(schema).parse(json);
    parsed = set.rules();
    selector = RuleSelector.of(set);
    SplittableRandom r = new SplittableRandom(7);
    types = new String[pool];
    facts = new Facts[pool];
    for (int i = 0; i < pool; i++) {
      types[i] = RuleGenerator.EVENTS.get(r.nextInt(RuleGenerator.EVENTS.size()));
      facts[i] = RuleGenerator.facts(r);
    }
  }

  /**
   * Selects the rules of one event.
   *
   * @return the selected rules
   */
  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  public List<Rule> selectOneEvent() {
    int i = next++ & (pool - 1);
    return selector.select(types[i], facts[i]);
  }

  /**
   * Loads the rules from JSON and indexes them (the pool size plays no part).
   *
   * @return the selector
   */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public RuleSelector loadJsonAndIndex() {
    return RuleSelector.of(JsonRules.parser().schema(schema).parse(json));
  }

  /**
   * Indexes rules already loaded (a new rule set, so nothing is cached).
   *
   * @return the selector
   */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public RuleSelector indexOnly() {
    return RuleSelector.of(RuleSet.of(parsed));
  }
}
