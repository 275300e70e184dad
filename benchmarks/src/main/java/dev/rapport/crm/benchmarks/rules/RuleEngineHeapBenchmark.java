package dev.rapport.crm.benchmarks.rules;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.ref.Reference;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Retained heap of a built rule set: the heap in use after a full collection, before and after
 * building several copies of it and keeping them, divided by the copies. Reported as the secondary
 * result {@code retainedBytes} (and {@code metaspaceBytes} for generated classes, outside the heap).
 * Run it with one measurement iteration and no warm-up:
 *
 * <pre>{@code
 * java -jar benchmarks/target/benchmarks.jar RuleEngineHeapBenchmark -f 1 -wi 0 -i 1
 * }</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
public class RuleEngineHeapBenchmark {
  /** The engine. */
  @Param({"RAPPORT", "EASY_RULES", "DROOLS"})
  public Engine engine;

  /** Rules in the set. */
  @Param({"10", "100", "1000"})
  public int rules;

  private Object definitions;

  /** The measured figures, per copy. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.EVENTS)
  public static class Retained {
    /** Heap bytes retained by one built rule set. */
    public long retainedBytes;
    /** Metaspace bytes (classes generated for the rule set) per copy. */
    public long metaspaceBytes;
  }

  /** Generates the definitions and builds one copy, so one-off class loading is not counted. */
  @Setup
  public void setUp() {
    List<RuleSpec> specs = RuleSpecs.rules(rules, RuleSpecs.SEED);
    definitions = engine.definitions(specs);
    Reference.reachabilityFence(engine.build(definitions));
  }

  /**
   * Builds and keeps several copies, measuring the heap before and after.
   *
   * @param retained where the figures go
   * @return the copies, kept reachable until measured
   */
  @Benchmark
  public Object[] retainedHeap(Retained retained) {
    int copies = copies(rules);
    long heapBefore = usedAfterGc(MemoryType.HEAP);
    long metaBefore = used(MemoryType.NON_HEAP, "Metaspace");
    Object[] kept = new Object[copies];
    for (int i = 0; i < copies; i++) {
      kept[i] = engine.build(definitions);
    }
    long heapAfter = usedAfterGc(MemoryType.HEAP);
    long metaAfter = used(MemoryType.NON_HEAP, "Metaspace");
    retained.retainedBytes = (heapAfter - heapBefore) / copies;
    retained.metaspaceBytes = (metaAfter - metaBefore) / copies;
    Reference.reachabilityFence(kept);
    return kept;
  }

  /** Enough copies that a small rule set still moves the heap measurably. */
  static int copies(int rules) {
    return Math.max(2, 200 / rules);
  }

  static long usedAfterGc(MemoryType type) {
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 5; i++) {
      System.gc();
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      used = Math.min(used, used(type, null));
    }
    return used;
  }

  private static long used(MemoryType type, String pool) {
    long sum = 0;
    for (MemoryPoolMXBean bean : ManagementFactory.getMemoryPoolMXBeans()) {
      if (bean.getType() == type && (pool == null || bean.getName().equals(pool))) {
        sum += bean.getUsage().getUsed();
      }
    }
    return sum;
  }
}
