package dev.rapport.crm.benchmarks.workflow;

import dev.rapport.crm.Crm;
import dev.rapport.crm.TenantId;
import dev.rapport.crm.directory.InMemoryDirectory;
import dev.rapport.crm.directory.User;
import dev.rapport.crm.directory.UserId;
import dev.rapport.crm.field.EntityType;
import dev.rapport.crm.field.FieldDefinition;
import dev.rapport.crm.field.FieldType;
import dev.rapport.crm.party.Contact;
import dev.rapport.crm.party.ContactId;
import dev.rapport.crm.party.NewContact;
import dev.rapport.crm.spi.IdGenerator;
import dev.rapport.crm.workflow.JsonRules;
import dev.rapport.crm.workflow.RuleSet;
import dev.rapport.crm.workflow.WorkflowEngine;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.ThreadParams;

/**
 * The engine with real actions on the in-memory CRM: 1,000 generated rules over 20 event types
 * plus 50 re-enrolling rules on a contact's title, whose actions add tags, set custom fields and
 * create tasks (each causing further events the engine handles). One operation changes the title
 * of one of 1,000 contacts. {@code engine}: {@code indexed} (the default engine), {@code every}
 * (every triggered rule evaluated and traced, {@code traceEveryRule(true)}), {@code none} (no
 * engine attached: the cost of the CRM update alone), for side-by-side ratios. {@code tenants}
 * spreads the threads over tenants, each with its own contacts. The secondary
 * result {@code events} counts the events committed per second: the update's own and those its
 * rules' actions cause, each handled by the engine.
 *
 * <pre>{@code
 * mvn -B -q -pl benchmarks -am package -Dquick -DskipTests
 * java -jar benchmarks/target/benchmarks.jar EngineBenchmark -f 1 -wi 2 -i 5 -w 1s -r 1s -t 1
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class EngineBenchmark {
  /** The engine attached: indexed, every (evaluate and trace every rule) or none. */
  @Param({"indexed", "every", "none"})
  public String engine;

  /**
   * Tenants, each with its own 1,000 contacts; thread n works in tenant n modulo this. With
   * {@code -t 2 -p tenants=2} one engine serves two threads whose writes do not share a tenant's
   * store lock.
   */
  @Param({"1"})
  public int tenants = 1;

  private static final int CONTACTS = 1000;
  private static final int TITLES = 50;

  private Crm crm;
  /** Each tenant's view of the CRM and its contacts, by tenant number. */
  private final List<Crm> views = new ArrayList<>();
  private final List<List<ContactId>> contactsByTenant = new ArrayList<>();
  private final AtomicLong events = new AtomicLong();
  private final AtomicLong updates = new AtomicLong();
  /** Events committed by each thread (the CRM delivers a change's events on the committing thread). */
  private final ThreadLocal<long[]> eventsHere = ThreadLocal.withInitial(() -> new long[1]);

  /** Builds the CRM, the contacts and the engine. */
  @Setup
  public void setUp() {
    crm = Crm.builder().clock(Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC))
        .idGenerator(IdGenerator.sequential("b"))
        .directory(new InMemoryDirectory().addUser(User.of(UserId.of("alice")))).build();
    for (int t = 0; t < tenants; t++) {
      Crm view = t == 0 ? crm : crm.forTenant(TenantId.of("tenant-" + t));
      for (int i = 0; i < RuleGenerator.TEXT_FIELDS; i++) {
        view.customFields().define(EntityType.CONTACT, FieldDefinition.of("f" + i, FieldType.TEXT));
      }
      for (int i = 0; i < RuleGenerator.NUMBER_FIELDS; i++) {
        view.customFields().define(EntityType.CONTACT, FieldDefinition.of("n" + i, FieldType.DECIMAL));
      }
      views.add(view);
    }
    String generated = RuleGenerator.json(1000, 42);
    StringBuilder all = new StringBuilder(generated.substring(0, generated.length() - 2)).append(",\n");
    for (int k = 0; k < TITLES; k++) {
      all.append("  {\"id\": \"title-").append(k).append("\", \"enrollment\": \"RE_ENROLL\"")
          .append(", \"trigger\": {\"event\": \"ContactUpdated\"}")
          .append(", \"condition\": {\"field\": \"title\", \"op\": \"=\", \"value\": \"T").append(k).append("\"}")
          .append(", \"actions\": [{\"type\": \"addTag\", \"tag\": \"t").append(k % 10).append("\"}");
      if (k % 3 == 0) {
        all.append(", {\"type\": \"setField\", \"field\": \"custom.f").append(k % 10).append("\", \"value\": \"v")
            .append(k % 20).append("\"}");
      }
      if (k % 5 == 0) {
        all.append(", {\"type\": \"createTask\", \"title\": \"Follow up\", \"dueInDays\": 3,"
            + " \"assignee\": \"alice\"}");
      }
      all.append("]}").append(k + 1 < TITLES ? ",\n" : "\n");
    }
    all.append("]}");
    RuleSet rules = JsonRules.parser().schema(RuleGenerator.schema()).parse(all.toString());
    if (!engine.equals("none")) {
      WorkflowEngine.builder(crm).rules(rules).traceEveryRule(engine.equals("every")).build();
    }
    for (Crm view : views) {
      List<ContactId> contacts = new ArrayList<>();
      for (int i = 0; i < CONTACTS; i++) {
        contacts.add(view.contacts().create(NewContact.named("Bench", "Mark" + i)).id());
      }
      contactsByTenant.add(contacts);
    }
    for (Crm view : views) {   // each tenant's events reach the subscribers of its view
      view.events().subscribe(e -> {
        events.incrementAndGet();
        eventsHere.get()[0]++;
      });
    }
  }

  /**
   * Gives one contact a random one of 50 titles.
   *
   * @return the contact's new version
   */
  @Benchmark
  public int updateOneContact(Events counted) {
    Crm view = views.get(counted.tenant % views.size());
    ContactId id = contactsByTenant.get(counted.tenant % views.size()).get(counted.nextContact());
    Contact now = view.contacts().get(id);
    updates.incrementAndGet();
    long[] mine = eventsHere.get();
    long before = mine[0];
    int version = (int) view.contacts().update(now.withTitle("T" + counted.random.nextInt(TITLES))).version();
    counted.events += mine[0] - before;
    return version;
  }

  /**
   * One benchmark thread's share: its own contacts (every n-th of the 1,000 for n threads, so two
   * threads never update one contact) and its count of the events committed per second (the
   * update's own and those its rules' actions cause), a secondary JMH result beside the updates
   * per second. With {@code -t 2} one engine serves two threads.
   */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Events {
    /** Events committed during the iteration. */
    public long events;

    private final SplittableRandom random = new SplittableRandom(11);
    private int first;
    private int step = 1;
    private int next;
    /** The thread's tenant number (taken modulo the tenants). */
    int tenant;

    /** A state for one thread alone (used outside JMH). */
    public Events() {
    }

    /**
     * Takes this thread's share of the contacts.
     *
     * @param thread the thread's index and the number of threads
     */
    @Setup(Level.Trial)
    public void share(ThreadParams thread, EngineBenchmark bench) {
      int tenants = Math.min(bench.tenants, thread.getThreadCount());
      tenant = thread.getThreadIndex() % tenants;
      // The threads of one tenant share its contacts: every n-th for n threads in the tenant.
      first = thread.getThreadIndex() / tenants;
      step = (thread.getThreadCount() + tenants - 1 - tenant) / tenants;
    }

    /** Starts each iteration from zero. */
    @Setup(Level.Iteration)
    public void reset() {
      events = 0;
    }

    int nextContact() {
      int index = first + step * next++;
      if (index >= CONTACTS) {
        next = 1;
        index = first;
      }
      return index;
    }
  }

  /** Events the engine received per contact update so far. */
  double eventsPerUpdate() {
    long u = updates.get();
    return u == 0 ? 0 : (double) events.get() / u;
  }
}
