package dev.rapport.crm.benchmarks.workflow;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import java.util.function.IntSupplier;

/**
 * Runs the workflow benchmarks' operations counting the CPU time of the running thread instead of
 * the wall clock, so a figure per core can be read on a machine that is busy with other work
 * (where JMH's wall-clock figures drop with the load). A complement to the JMH runs, not a
 * replacement: JIT warm-up is a plain first pass.
 *
 * <pre>{@code
 * java -cp benchmarks/target/benchmarks.jar dev.rapport.crm.benchmarks.workflow.CpuTime [engine [indexed|every|none]]
 * }</pre>
 */
public final class CpuTime {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private CpuTime() {
  }

  /**
   * Runs each measured operation and prints operations per CPU-second.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    if (args.length > 0 && args[0].equals("engine")) {
      engine(args.length > 1 ? new String[] {args[1]} : new String[] {"indexed", "every", "none"});
      return;
    }
    SelectionBenchmark selection = null;
    for (int pool : new int[] {16, 1024}) {
      selection = new SelectionBenchmark();
      selection.rules = 1000;
      selection.pool = pool;
      selection.setUp();
      SelectionBenchmark s = selection;
      report("select one event, 1,000 rules / 20 event types, pool " + pool, () -> s.selectOneEvent().size(), 2.0);
    }
    SelectionBenchmark sel = selection;
    report("index 1,000 loaded rules", () -> sel.indexOnly().hashCode(), 2.0);
    report("load 1,000 JSON rules and index them", () -> sel.loadJsonAndIndex().hashCode(), 3.0);
    engine(new String[] {"indexed", "every", "none"});
    TimerBenchmark timers = new TimerBenchmark();
    timers.pending = 1_000_000;
    timers.due = 10_000;
    timers.setUp();
    shots("take 10,000 due timers among 1,000,000 pending", timers, timers::takeDue);
    shots("engine fires 10,000 due timers among 1,000,000 pending", timers, timers::tick);
    System.out.printf(Locale.ROOT, "timer steps run: %,d%n", timers.stepsRun());
  }

  /**
   * The engine with real actions (argument {@code engine} runs only this part, {@code engine
   * indexed} only that mode).
   */
  private static void engine(String[] modes) {
    for (String mode : modes) {
      EngineBenchmark e = new EngineBenchmark();
      e.engine = mode;
      e.setUp();
      EngineBenchmark.Events counted = new EngineBenchmark.Events();
      double perSecond = report("contact update with real actions, engine " + mode,
          () -> e.updateOneContact(counted), 3.0);
      System.out.printf(Locale.ROOT, "%-70s %,14.0f events per CPU-second (%.2f events per update)%n",
          "  events committed and handled, engine " + mode, perSecond * e.eventsPerUpdate(), e.eventsPerUpdate());
    }
  }

  /** Single shots: the setup of each is not measured; prints the mean of the last 10 of 15. */
  private static void shots(String name, TimerBenchmark state, IntSupplier op) {
    long total = 0;
    int fired = 0;
    for (int i = 0; i < 15; i++) {
      state.makeDue();
      long start = cpu();
      fired = op.getAsInt();
      long took = cpu() - start;
      if (i >= 5) {
        total += took;
      }
    }
    System.out.printf(Locale.ROOT, "%-70s %10.1f ms CPU per shot (%,d fired per shot)%n", name, total / 10 / 1e6,
        fired);
  }

  private static double report(String name, IntSupplier op, double seconds) {
    long sink = 0;
    for (long end = cpu() + (long) (seconds * 1e9); cpu() < end;) {   // warm-up, same length
      for (int i = 0; i < 100; i++) {
        sink += op.getAsInt();
      }
    }
    long ops = 0;
    long start = cpu();
    long end = start + (long) (seconds * 1e9);
    long now;
    do {
      for (int i = 0; i < 100; i++) {
        sink += op.getAsInt();
      }
      ops += 100;
      now = cpu();
    } while (now < end);
    double perSecond = ops / ((now - start) / 1e9);
    System.out.printf(Locale.ROOT, "%-70s %,14.0f ops per CPU-second  (%.3f ms/op) [%d]%n", name, perSecond,
        1000 / perSecond, sink & 1);
    return perSecond;
  }

  private static long cpu() {
    return THREADS.getCurrentThreadCpuTime();
  }
}
