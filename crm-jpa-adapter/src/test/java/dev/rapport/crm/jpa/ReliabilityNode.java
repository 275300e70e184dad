package dev.rapport.crm.jpa;

import dev.rapport.crm.Crm;
import dev.rapport.crm.CrmConflictException;
import dev.rapport.crm.TenantId;
import dev.rapport.crm.event.ContactCreated;
import dev.rapport.crm.party.NewContact;
import dev.rapport.crm.revenue.Money;
import dev.rapport.crm.sales.Opportunity;
import dev.rapport.crm.sales.OpportunityId;
import dev.rapport.crm.testkit.HarnessClock;
import dev.rapport.crm.workflow.Actions;
import dev.rapport.crm.workflow.Rule;
import dev.rapport.crm.workflow.RuleSet;
import dev.rapport.crm.workflow.Triggers;
import dev.rapport.crm.workflow.WorkflowEngine;
import dev.rapport.crm.workflow.spi.ActionStep;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntSupplier;

/**
 * An application node for the multi-process reliability tests: a separate JVM on the test class
 * path, started by {@link MultiNodeReliabilityTest}, on the database named by its arguments. It
 * prints {@code READY} once booted, waits for a {@code GO} line on its input where the test
 * coordinates nodes, does its part and prints {@code DONE ...}.
 *
 * <pre>
 * opportunities URL NODE TENANT THREADS INCREMENTS ID,ID,...   add 1 EUR to opportunities, retrying conflicts
 * timers URL NODE                                              fire the due timers, one tick per transaction
 * events URL NODE TENANT COUNT                                 create COUNT contacts and run their rules
 * </pre>
 */
final class ReliabilityNode {
    /** When the workloads run: the CRM clock starts here. */
    static final Instant START = Instant.parse("2026-11-22T09:00:00Z");

    /** The test-only table every action writes a row to, so that the test counts actions in the database. */
    static final String EFFECT_TABLE = "rapport_test_effect";

    private ReliabilityNode() {
    }

    public static void main(String[] args) throws Exception {
        long started = System.nanoTime();
        String mode = args[0];
        EntityManagerFactory emf = TestDatabase.factory(TestDatabase.Provider.HIBERNATE, args[1]);
        String node = args[2];
        System.out.println("BOOTED in " + (System.nanoTime() - started) / 1_000_000 + " ms");
        try {
            switch (mode) {
                case "opportunities" -> {
                    Crm crm = Crm.builder().store(JpaCrmStore.owning(emf).build()).tenant(TenantId.of(args[3])).build();
                    List<OpportunityId> ids = new ArrayList<>();
                    for (String id : args[6].split(",")) {
                        ids.add(OpportunityId.of(id));
                    }
                    ready();
                    int conflicts = increment(crm, ids, Integer.parseInt(args[4]), Integer.parseInt(args[5]));
                    System.out.println("DONE conflicts=" + conflicts);
                }
                case "timers" -> {
                    ready();
                    System.out.println("DONE fired=" + fireTimers(emf, node));
                }
                case "events" -> {
                    runEvents(emf, node, TenantId.of(args[3]), Integer.parseInt(args[4]));
                    System.out.println("DONE");
                }
                default -> throw new IllegalArgumentException("unknown mode " + mode);
            }
        } finally {
            emf.close();
        }
        System.exit(0);
    }

    private static void ready() throws Exception {
        System.out.println("READY");
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line = in.readLine();
        if (!"GO".equals(line)) {
            throw new IllegalStateException("expected GO, got " + line);
        }
    }

    // ---------------------------------------------------------------- lost updates

    /**
     * Adds 1 EUR to the opportunities in turn, {@code increments} times per thread, each as a read
     * and an update of the version read; a conflict reads again and retries.
     *
     * @return the conflicts retried
     */
    static int increment(Crm crm, List<OpportunityId> ids, int threads, int increments) throws InterruptedException {
        AtomicInteger conflicts = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Money one = Money.of("1", "EUR");
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int offset = t;
            workers.add(new Thread(() -> {
                try {
                    for (int i = 0; i < increments; i++) {
                        OpportunityId id = ids.get((i + offset) % ids.size());
                        while (true) {
                            Opportunity current = crm.opportunities().get(id);
                            try {
                                crm.opportunities().update(current.withAmount(
                                        Objects.requireNonNull(current.amount()).plus(one)));
                                break;
                            } catch (CrmConflictException stale) {
                                conflicts.incrementAndGet();
                            }
                        }
                    }
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
            }));
        }
        workers.forEach(Thread::start);
        for (Thread w : workers) {
            w.join();
        }
        if (failure.get() != null) {
            throw new IllegalStateException("an increment failed", failure.get());
        }
        return conflicts.get();
    }

    // ---------------------------------------------------------------- shared timers

    /** Ticks, one transaction per tick, until no timer is left in the table. */
    private static int fireTimers(EntityManagerFactory emf, String node) {
        Unit unit = new Unit(emf);
        Crm crm = Crm.builder().store(JpaCrmStore.joining(unit::em).build()).clock(Clock.fixed(START, ZoneOffset.UTC))
                .build();
        JpaTimerStore timers = JpaTimerStore.joining(unit::em).maxPerTake(100).batchSize(100).build();
        Rule fire = Rule.named("fire").version(1).when(Triggers.event(ContactCreated.class))
                .then(Actions.of("count", effect(unit, node))).build();
        try (WorkflowEngine engine = WorkflowEngine.builder(crm).rules(RuleSet.of(List.of(fire))).timerStore(timers)
                .ledger(JpaIdempotencyLedger.joining(unit::em).build()).build()) {
            int fired = 0;
            JpaTimerStore counter = JpaTimerStore.owning(emf).build();
            while (true) {
                int n = unit.inTransaction(engine::tick);
                fired += n;
                if (n == 0) {
                    if (counter.size() == 0) {
                        return fired;
                    }
                    sleep(5);   // the other node holds the rest for a moment
                }
            }
        }
    }

    // ---------------------------------------------------------------- a run of events

    /**
     * Creates contacts up to {@code count} (counting those a previous run committed), 100 per
     * transaction, and relays the outbox to a workflow engine whose rule writes an effect row,
     * waits an hour and writes another: every event's delivery, its steps' effects, their ledger
     * rows and the wait's timer commit in one transaction. Once every event is relayed, the clock
     * moves two hours on and the timers fire, again one transaction per tick.
     */
    private static void runEvents(EntityManagerFactory emf, String node, TenantId tenant, int count) {
        Unit unit = new Unit(emf);
        HarnessClock clock = HarnessClock.at(START.toString());
        Crm producer = Crm.builder().store(JpaCrmStore.joining(unit::em).build()).clock(clock).tenant(tenant).build();
        Crm engineCrm = Crm.builder().store(JpaCrmStore.joining(unit::em).build()).clock(clock).tenant(tenant).build();
        Rule welcome = Rule.named("welcome").version(1).when(Triggers.event(ContactCreated.class))
                .then(Actions.of("first", effect(unit, node)), Actions.waitFor(Duration.ofHours(1)),
                        Actions.of("second", effect(unit, node)))
                .build();
        JpaTimerStore timers = JpaTimerStore.joining(unit::em).maxPerTake(200).build();
        JpaOutbox outbox = JpaOutbox.joining(unit::em);
        try (WorkflowEngine engine = WorkflowEngine.builder(engineCrm).rules(RuleSet.of(List.of(welcome)))
                .timerStore(timers).ledger(JpaIdempotencyLedger.joining(unit::em).clock(clock).build()).build()) {
            while (true) {
                int produced = unit.inTransaction(() -> ((Number) unit.em().createNativeQuery(
                        "SELECT COUNT(*) FROM rapport_contact WHERE tenant_id = ?1").setParameter(1, tenant.value())
                        .getSingleResult()).intValue());
                if (produced < count) {
                    int batch = Math.min(100, count - produced);
                    unit.inTransaction(() -> {
                        for (int i = 0; i < batch; i++) {
                            producer.contacts().create(NewContact.named("Event", "Person " + (produced + i)));
                        }
                        return batch;
                    });
                }
                int relayed = unit.inTransaction(() -> outbox.deliver(100, entry -> engine.handle(entry.event())));
                if (produced >= count && relayed == 0) {
                    break;
                }
            }
            clock.advance(Duration.ofHours(2));
            while (unit.inTransaction(engine::tick) > 0) {
                // until every wait has ended
            }
        }
    }

    /** A step that writes a row to the effect table in the current transaction. */
    private static ActionStep effect(Unit unit, String node) {
        return context -> {
            unit.em().createNativeQuery("INSERT INTO " + EFFECT_TABLE + " (step_key, node) VALUES (?1, ?2)")
                    .setParameter(1, context.idempotencyKey()).setParameter(2, node).executeUpdate();
            return "counted";
        };
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The host's unit of work: one entity manager and transaction at a time, on this thread. */
    private static final class Unit {
        private final EntityManagerFactory emf;
        private EntityManager current;

        Unit(EntityManagerFactory emf) {
            this.emf = emf;
        }

        EntityManager em() {
            return Objects.requireNonNull(current, "no transaction");
        }

        int inTransaction(IntSupplier work) {
            current = emf.createEntityManager();
            try {
                current.getTransaction().begin();
                int result = work.getAsInt();
                current.getTransaction().commit();
                return result;
            } finally {
                if (current.getTransaction().isActive()) {
                    current.getTransaction().rollback();
                }
                current.close();
                current = null;
            }
        }
    }
}
