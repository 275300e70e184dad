package dev.rapport.crm.benchmarks.workflow;

import dev.rapport.crm.Crm;
import dev.rapport.crm.TenantId;
import dev.rapport.crm.event.ContactUpdated;
import dev.rapport.crm.party.Contact;
import dev.rapport.crm.party.NewContact;
import dev.rapport.crm.spi.IdGenerator;
import dev.rapport.crm.workflow.Actions;
import dev.rapport.crm.workflow.Conditions;
import dev.rapport.crm.workflow.EntityKind;
import dev.rapport.crm.workflow.Enrollment;
import dev.rapport.crm.workflow.Operator;
import dev.rapport.crm.workflow.Rule;
import dev.rapport.crm.workflow.RuleSet;
import dev.rapport.crm.workflow.WorkflowEngine;
import dev.rapport.crm.workflow.spi.Timer;
import dev.rapport.crm.workflow.spi.TimerStore;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
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
 * Speed of the workflow engine: taking the one due timer out of a store holding many future ones
 * (must not grow with the store: O(due)), and one contact change considered by 100 rules, 10 of
 * which match and run a step.
 *
 * <pre>{@code
 * mvn -B -q -pl benchmarks -am package -Dquick -DskipTests
 * java -jar benchmarks/target/benchmarks.jar Workflow -f 1 -wi 2 -i 5 -w 1s -r 1s -t 1
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class WorkflowBenchmark {
  /** Timers waiting in the store. */
  @Param({"1000", "100000"})
  public int pending;

  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

  private TimerStore timers;
  private Crm crm;
  private Contact contact;
  private int flips;

  /** Fills the timer store and builds a CRM with 100 rules. */
  @Setup
  public void setUp() {
    timers = TimerStore.inMemory();
    for (int i = 0; i < pending; i++) {
      timers.schedule(timer("future-" + i, NOW.plusSeconds(3600 + i)));
    }
    crm = Crm.builder().clock(Clock.fixed(NOW, ZoneOffset.UTC)).idGenerator(IdGenerator.sequential("b")).build();
    List<Rule> rules = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      rules.add(Rule.named("rule-" + i).enrollment(Enrollment.RE_ENROLL)
          .when(dev.rapport.crm.workflow.Triggers.event(ContactUpdated.class))
          .ifCondition(Conditions.field(EntityKind.CONTACT, "tags", Operator.CONTAINS, "t" + (i % 10)))
          .then(Actions.of("count", context -> "counted")).build());
    }
    WorkflowEngine.builder(crm).rules(RuleSet.of(rules)).build();
    contact = crm.contacts().create(NewContact.named("Bench", "Mark"));
  }

  private static Timer timer(String id, Instant due) {
    return new Timer(id, TenantId.DEFAULT, due, Timer.Kind.RESUME, "r", 1, null, "e", 0, 0);
  }

  /**
   * Schedules one due timer and takes it out.
   *
   * @return the timers taken
   */
  @Benchmark
  public int takeOneDueTimer() {
    timers.schedule(timer("due", NOW));
    return timers.takeDue(NOW).size();
  }

  /**
   * Changes a contact's tags, so all 100 rules are considered and a tenth of them run.
   *
   * @return the new version
   */
  @Benchmark
  public long oneChangeConsideredByHundredRules() {
    Contact now = crm.contacts().get(contact.id());
    TreeSet<String> tags = new TreeSet<>();
    tags.add("t" + (flips++ % 10));
    return crm.contacts().update(now.withTags(tags)).version();
  }
}
