package dev.rapport.crm.benchmarks.workflow;

import dev.rapport.crm.Crm;
import dev.rapport.crm.TenantId;
import dev.rapport.crm.event.ContactCreated;
import dev.rapport.crm.spi.IdGenerator;
import dev.rapport.crm.workflow.Actions;
import dev.rapport.crm.workflow.Rule;
import dev.rapport.crm.workflow.RuleSet;
import dev.rapport.crm.workflow.Triggers;
import dev.rapport.crm.workflow.WorkflowEngine;
import dev.rapport.crm.workflow.spi.Timer;
import dev.rapport.crm.workflow.spi.TimerStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Firing the due timers among many pending ones in {@link TimerStore#inMemory()}: 10,000 due
 * among 1,000,000 pending (in the future). {@code takeDue} only takes them out of the store;
 * {@code tick} is the engine firing them, each resuming a waiting enrollment whose next step
 * runs (and is recorded in the idempotency ledger).
 *
 * <pre>{@code
 * mvn -B -q -pl benchmarks -am package -Dquick -DskipTests
 * java -jar benchmarks/target/benchmarks.jar TimerBenchmark -f 1 -wi 3 -i 10 -bm ss -tu ms
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class TimerBenchmark {
  /** Timers pending in the future. */
  @Param({"1000000"})
  public int pending;

  /** Timers due at each firing. */
  @Param({"10000"})
  public int due;

  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

  private TimerStore store;
  private TimerStore engineStore;
  private WorkflowEngine engine;
  private final AtomicLong steps = new AtomicLong();
  private int round;

  /** Fills both stores with the pending timers and builds the engine on one of them. */
  @Setup
  public void setUp() {
    store = TimerStore.inMemory();
    engineStore = TimerStore.inMemory();
    for (int i = 0; i < pending; i++) {
      Instant at = NOW.plusSeconds(60 + i);
      store.schedule(timer("future-" + i, at, "f" + i));
      engineStore.schedule(timer("future-" + i, at, "f" + i));
    }
    Crm crm = Crm.builder().clock(Clock.fixed(NOW, ZoneOffset.UTC)).idGenerator(IdGenerator.sequential("b")).build();
    Rule nudge = Rule.named("nudge").when(Triggers.event(ContactCreated.class))
        .then(Actions.waitFor(Duration.ofDays(1)), Actions.of("count", context -> {
          steps.incrementAndGet();
          return "counted";
        })).build();
    engine = WorkflowEngine.builder(crm).rules(RuleSet.of(List.of(nudge))).timerStore(engineStore).build();
  }

  /** Makes {@code due} timers due now in both stores (not measured). */
  @Setup(Level.Invocation)
  public void makeDue() {
    round++;
    for (int i = 0; i < due; i++) {
      store.schedule(timer("due-" + round + "-" + i, NOW, "d" + round + "-" + i));
      engineStore.schedule(timer("due-" + round + "-" + i, NOW, "d" + round + "-" + i));
    }
  }

  private static Timer timer(String id, Instant at, String trigger) {
    return new Timer(id, TenantId.DEFAULT, at, Timer.Kind.RESUME, "nudge", 1, null, trigger, 1, 0);
  }

  /**
   * Takes the due timers out of the store.
   *
   * @return the number taken
   */
  @Benchmark
  public int takeDue() {
    return store.takeDue(NOW).size();
  }

  /**
   * The engine fires the due timers: each resumes an enrollment and runs its next step.
   *
   * @return the number fired
   */
  @Benchmark
  public int tick() {
    return engine.tick();
  }

  /** Steps run by the engine's timers so far. */
  long stepsRun() {
    return steps.get();
  }
}
