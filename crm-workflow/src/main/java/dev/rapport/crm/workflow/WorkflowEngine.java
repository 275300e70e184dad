package dev.rapport.crm.workflow;

import dev.rapport.crm.Crm;
import dev.rapport.crm.EntityId;
import dev.rapport.crm.TenantId;
import dev.rapport.crm.event.CrmEvent;
import dev.rapport.crm.workflow.spi.EnrollmentStore;
import dev.rapport.crm.workflow.spi.IdempotencyLedger;
import dev.rapport.crm.workflow.spi.MessageSender;
import dev.rapport.crm.workflow.spi.SegmentStore;
import dev.rapport.crm.workflow.spi.TimerStore;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Runs a {@link RuleSet} against a {@link Crm}: it receives every committed event of every tenant,
 * considers the rules in their deterministic order (priority, then id), and runs the steps of the
 * rules that match. Time comes only from the CRM's clock; waits, retries, schedules, inactivity
 * and date triggers are timers in the {@link TimerStore}, fired by {@link #tick()}. Thread-safe:
 * one engine serves every thread that changes the CRM.
 *
 * <pre>{@code
 * WorkflowEngine engine = WorkflowEngine.builder(crm)
 *     .rules(RuleSet.of(List.of(welcome)))
 *     .messageSender(mailer::send)
 *     .build();
 * scheduler.scheduleAtFixedRate(engine::tick, 1, 1, TimeUnit.MINUTES);
 * }</pre>
 *
 * <p>Semantics: an entity is never enrolled twice in one rule at the same time, and by default only
 * once ever ({@link Enrollment}); a rule's own changes never trigger it again; cascades of rules
 * triggering rules stop at a depth limit with a {@link CascadeDepthExceededException} in the dead
 * letters; each step runs at most once per (rule id, version, trigger, step index) as recorded in
 * the {@link IdempotencyLedger}; a failing step is retried per the {@link RetryPolicy}, then
 * dead-lettered; a failing rule never keeps the others from an event.
 */
public final class WorkflowEngine implements AutoCloseable {
    private final Crm crm;
    private final AtomicReference<RuleSet> rules;
    private final Map<String, Rule> versions = new ConcurrentHashMap<>();
    private final TimerStore timers;
    private final SegmentStore segments;
    private final RetryPolicy retry;
    private final int maxDepth;
    private final MessageSender sender;
    private final List<TenantId> tenants;
    private final ArrayDeque<Trace> traces = new ArrayDeque<>();
    private final int traceCapacity;
    private final Runner runner;
    private final Runnable unsubscribe;

    private WorkflowEngine(Builder b) {
        this.crm = b.crm;
        RuleSet initial = b.rules != null ? b.rules : RuleSet.empty();
        this.rules = new AtomicReference<>(initial);
        remember(initial);
        this.timers = b.timers != null ? b.timers : TimerStore.inMemory();
        IdempotencyLedger ledger = b.ledger != null ? b.ledger : IdempotencyLedger.inMemory();
        EnrollmentStore enrollments = b.enrollments != null ? b.enrollments : EnrollmentStore.inMemory();
        this.segments = b.segments != null ? b.segments : SegmentStore.inMemory();
        this.retry = b.retry != null ? b.retry : RetryPolicy.defaults();
        this.maxDepth = b.maxDepth != null ? b.maxDepth : 8;
        this.sender = b.sender != null ? b.sender : MessageSender.none();
        this.tenants = b.tenants != null ? b.tenants : List.of(crm.tenant());
        this.traceCapacity = b.traceCapacity != null ? b.traceCapacity : 10_000;
        Consumer<Trace> listener = b.listener;
        this.runner = new Runner(crm, rules::get, versions, timers, ledger, enrollments, segments, retry, maxDepth,
                sender, false, b.traceEveryRule == null || !b.traceEveryRule, t -> {
            synchronized (traces) {
                if (traces.size() == traceCapacity) {
                    traces.removeFirst();
                }
                traces.addLast(t);
            }
            if (listener != null) {
                listener.accept(t);
            }
        });
        runner.armSchedules(tenants);
        this.unsubscribe = crm.internalContext().dispatcher().subscribe(null, CrmEvent.class, runner::handle);
    }

    /**
     * Starts building an engine for a CRM (its events of every tenant, its clock).
     *
     * @param crm the CRM
     * @return the builder
     */
    public static Builder builder(Crm crm) {
        return new Builder(Objects.requireNonNull(crm, "crm"));
    }

    private void remember(RuleSet set) {
        for (Rule r : set.rules()) {
            versions.put(r.id() + "@" + r.version(), r);
        }
    }

    /**
     * The active rule set.
     *
     * @return the rules
     */
    public RuleSet rules() {
        return rules.get();
    }

    /**
     * Swaps the rule set atomically. Events after the swap see only the new rules; enrollments
     * already waiting or retrying continue with the rule version they started with.
     *
     * @param next the new rules
     */
    public void replaceRules(RuleSet next) {
        Objects.requireNonNull(next, "next");
        remember(next);
        rules.set(next);
        runner.armSchedules(tenants);
    }

    /**
     * Delivers an event by hand, as if it had just been committed (e.g. re-delivered from an
     * outbox after a restart). Events of the attached CRM arrive without this.
     *
     * @param event the event
     */
    public void handle(CrmEvent event) {
        runner.handle(Objects.requireNonNull(event, "event"));
    }

    /**
     * Fires the timers due at the CRM clock's current time: resumes waits, retries failed steps,
     * runs schedules, inactivity and date triggers.
     *
     * @return the number of timers fired
     */
    public int tick() {
        return runner.tick();
    }

    /**
     * The members of a dynamic segment used by the active rules, as kept current in the
     * {@link SegmentStore} from the create and change events seen by the engines sharing it.
     *
     * @param tenant the tenant
     * @param segment the segment name
     * @return the members' ids
     */
    public Set<EntityId> segmentMembers(TenantId tenant, String segment) {
        return runner.segmentMembers(Objects.requireNonNull(tenant, "tenant"), Objects.requireNonNull(segment, "segment"));
    }

    /**
     * How many members a dynamic segment has, counted by the {@link SegmentStore} (in the
     * database with a persistence adapter) without loading them.
     *
     * <pre>{@code
     * long vips = engine.segmentSize(crm.tenant(), "vips");
     * }</pre>
     *
     * @param tenant the tenant
     * @param segment the segment name
     * @return the count
     */
    public long segmentSize(TenantId tenant, String segment) {
        return segments.count(Objects.requireNonNull(tenant, "tenant"), Objects.requireNonNull(segment, "segment"));
    }

    /**
     * Populates the dynamic segments the active rules use for one tenant from the records the CRM
     * holds, without firing any trigger or running any action: for each segment, every record of
     * its kind is read page by page and its condition evaluated as a change event would evaluate
     * it (same context, same clock); the records that meet it are added to the
     * {@link SegmentStore}, and members that no longer meet it, or no longer exist, are removed.
     * Run it after adding a segment to the rules of a CRM that already holds records, so that
     * {@link #segmentMembers} and {@link #segmentSize} are right at once and the next change of a
     * record already in is not seen as an entry. A record whose condition fails to evaluate is
     * left as it was and counted in {@link SegmentPopulation#failed()} (its id and the exception
     * class are logged). Running it again over the same records changes nothing.
     *
     * <pre>{@code
     * engine.replaceRules(rulesWithTheNewSegment);
     * Map<String, SegmentPopulation> done = engine.populateSegments(crm.tenant());
     * long vips = done.get("vips").members();   // the same as engine.segmentSize(crm.tenant(), "vips")
     * }</pre>
     *
     * <p>It may run while events are handled: the store's add and remove are atomic and
     * idempotent, and a record that changes during the population is reconciled by its own change
     * event (which may fire the segment's entered or left rules, as for any change). A record
     * changed between its read here and the write is read again after the write. The work is done
     * on the calling thread, 1,000 records at a time: one read per page of records, one read of
     * each segment's members, and for each member added or removed one write and one read of the
     * record.
     *
     * @param tenant the tenant
     * @return by segment name, in name order, what was done; empty if no rule uses a dynamic segment
     */
    public Map<String, SegmentPopulation> populateSegments(TenantId tenant) {
        return runner.populateSegments(Objects.requireNonNull(tenant, "tenant"));
    }

    /**
     * The timers waiting.
     *
     * @return the count
     */
    public int pendingTimers() {
        return timers.size();
    }

    /**
     * The most recent traces, oldest first (at most the trace capacity; give a trace listener to
     * the builder to keep them all).
     *
     * @return the traces
     */
    public List<Trace> traces() {
        synchronized (traces) {
            return List.copyOf(traces);
        }
    }

    /**
     * Forgets the recent traces.
     */
    public void clearTraces() {
        synchronized (traces) {
            traces.clear();
        }
    }

    /**
     * The dead letters, oldest first.
     *
     * @return the dead letters
     */
    public List<DeadLetter> deadLetters() {
        return runner.deadLetters();
    }

    /**
     * Runs a dead-lettered enrollment again from its failed step with fresh attempts; steps that
     * had succeeded are not run again. A rule that failed while being evaluated (step -1) is
     * considered again for its event. The dead letter is removed (a new one is added if it fails
     * again for good).
     *
     * @param deadLetterId the dead letter's id
     * @return the trace of the replay
     * @throws IllegalArgumentException if there is no such dead letter
     * @throws IllegalStateException if the rule version is no longer known to this engine
     */
    public Trace replay(String deadLetterId) {
        return runner.replay(Objects.requireNonNull(deadLetterId, "deadLetterId"));
    }

    /**
     * Replays events against a rule set without changing anything (no step runs, no timer is set,
     * the ledger and this engine's state are untouched: enrollments and segment memberships start
     * empty in the dry run) and returns what would have happened. Conditions read the CRM's current
     * data.
     *
     * @param set the rules to try
     * @param events the events, in order
     * @return the traces, in order
     */
    public List<Trace> dryRun(RuleSet set, List<? extends CrmEvent> events) {
        List<Trace> out = new ArrayList<>();
        Map<String, Rule> scratchVersions = new ConcurrentHashMap<>();
        Runner dry = new Runner(crm, () -> set, scratchVersions, TimerStore.inMemory(), IdempotencyLedger.inMemory(),
                EnrollmentStore.inMemory(), SegmentStore.inMemory(), retry, maxDepth, sender, true, false, out::add);
        for (CrmEvent e : events) {
            dry.handle(e);
        }
        return List.copyOf(out);
    }

    /** Stops receiving events. Timers stay in the store. */
    @Override
    public void close() {
        unsubscribe.run();
    }

    /**
     * Builds a {@link WorkflowEngine}; each setting may be given once.
     *
     * <pre>{@code
     * WorkflowEngine engine = WorkflowEngine.builder(crm)
     *     .rules(rules)
     *     .timerStore(TimerStore.inMemory())
     *     .ledger(IdempotencyLedger.inMemory())
     *     .enrollmentStore(EnrollmentStore.inMemory())
     *     .segmentStore(SegmentStore.inMemory())
     *     .retryPolicy(new RetryPolicy(5, Duration.ofSeconds(30), 2))
     *     .maxCascadeDepth(8)
     *     .build();
     * }</pre>
     */
    public static final class Builder {
        private final Crm crm;
        private @Nullable RuleSet rules;
        private @Nullable TimerStore timers;
        private @Nullable IdempotencyLedger ledger;
        private @Nullable EnrollmentStore enrollments;
        private @Nullable SegmentStore segments;
        private @Nullable RetryPolicy retry;
        private @Nullable Integer maxDepth;
        private @Nullable MessageSender sender;
        private @Nullable List<TenantId> tenants;
        private @Nullable Consumer<Trace> listener;
        private @Nullable Integer traceCapacity;
        private @Nullable Boolean traceEveryRule;

        private Builder(Crm crm) {
            this.crm = crm;
        }

        private static void once(@Nullable Object current, String name) {
            if (current != null) {
                throw new IllegalStateException(name + " was already set");
            }
        }

        /**
         * The initial rules (default: none).
         *
         * @param value the rules
         * @return this builder
         * @throws IllegalStateException if already set
         */
        public Builder rules(RuleSet value) {
            once(rules, "rules");
            rules = Objects.requireNonNull(value, "rules");
            return this;
        }

        /**
         * The timer store (default: in memory).
         *
         * @param value the store
         * @return this builder
         * @throws IllegalStateException if already set
         */
        public Builder timerStore(TimerStore value) {
            once(timers, "timerStore");
            timers = Objects.requireNonNull(value, "timerStore");
            return this;
        }

        /**
         * The idempotency ledger (default: in memory).
         *
         * @param value the ledger
         * @return this builder
         * @throws IllegalStateException if already set
         */
        public Builder ledger(IdempotencyLedger value) {
            once(ledger, "ledger");
            ledger = Objects.requireNonNull(value, "ledger");
            return this;
        }

        /**
         * The enrollment store (default: in memory): which entities are enrolled in which rules,
         * and the last result of each property-change trigger's condition. Give a durable one
         * together with a durable timer store and ledger, so that an entity is not enrolled again
         * after a restart or on another node.
         *
         * @param value the store
         * @return this builder
         * @throws IllegalStateException if already set
         */
        public Builder enrollmentStore(EnrollmentStore value) {
            once(enrollments, "enrollmentStore");
            enrollments = Objects.requireNonNull(value, "enrollmentStore");
            return this;
        }

        /**
         * The segment store (default: in memory): the members of the dynamic segments the rules
         * use. Give a durable one, so that after a restart, or on another node, an entity that is
         * still in a segment is not seen entering it again, and leaving it fires the left rules.
         *
         * @param value the store
         * @return this builder
         * @throws IllegalStateException if already set
         */
        public Builder segmentStore(SegmentStore value) {
            once(segments, "segmentStore");
            segments = Objects.requireNonNull(value, "segmentStore");
            return this;
        }

        /**
         * The retry policy (default {@link RetryPolicy#defaults()}).
         *
         * @param value the policy
         * @return this builder
         * @throws IllegalStateException if already set
         */
        public Builder retryPolicy(RetryPolicy value) {
            once(retry, "retryPolicy");
            retry = Objects.requireNonNull(value, "retryPolicy");
            return this;
        }

        /**
         * How many rules may trigger each other in a chain (default 8).
         *
         * @param value the limit, at least 1
         * @return this builder
         * @throws IllegalArgumentException if below 1
         * @throws IllegalStateException if already set
         */
        public Builder maxCascadeDepth(int value) {
            once(maxDepth, "maxCascadeDepth");
            if (value < 1) {
                throw new IllegalArgumentException("maxCascadeDepth must be at least 1");
            }
            maxDepth = value;
            return this;
        }

        /**
         * The host's message sender (default: one that refuses, so messages are dead-lettered).
         *
         * @param value the sender
         * @return this builder
         * @throws IllegalStateException if already set
         */
        public Builder messageSender(MessageSender value) {
            once(sender, "messageSender");
            sender = Objects.requireNonNull(value, "messageSender");
            return this;
        }

        /**
         * The tenants scheduled rules run for (default: the CRM view's tenant).
         *
         * @param value the tenants
         * @return this builder
         * @throws IllegalStateException if already set
         */
        public Builder scheduleTenants(List<TenantId> value) {
            once(tenants, "scheduleTenants");
            tenants = List.copyOf(value);
            return this;
        }

        /**
         * A listener that receives every trace (on the thread that produced it).
         *
         * @param value the listener
         * @return this builder
         * @throws IllegalStateException if already set
         */
        public Builder traceListener(Consumer<Trace> value) {
            once(listener, "traceListener");
            listener = Objects.requireNonNull(value, "traceListener");
            return this;
        }

        /**
         * How many recent traces {@link WorkflowEngine#traces()} keeps (default 10,000).
         *
         * @param value the capacity, at least 1
         * @return this builder
         * @throws IllegalArgumentException if below 1
         * @throws IllegalStateException if already set
         */
        public Builder traceCapacity(int value) {
            once(traceCapacity, "traceCapacity");
            if (value < 1) {
                throw new IllegalArgumentException("traceCapacity must be at least 1");
            }
            traceCapacity = value;
            return this;
        }

        /**
         * Whether to evaluate and trace every rule an event triggers (default false). By default
         * the engine looks rules up in an index by event type and by their equality and range
         * comparisons, and does not evaluate, nor trace, the rules the index rules out; the
         * actions that run are the same either way. Turn this on while investigating why a rule
         * did not run, or use {@link WorkflowEngine#dryRun}, which always traces every rule.
         *
         * @param value true to evaluate and trace every triggered rule
         * @return this builder
         * @throws IllegalStateException if already set
         */
        public Builder traceEveryRule(boolean value) {
            once(traceEveryRule, "traceEveryRule");
            traceEveryRule = value;
            return this;
        }

        /**
         * Builds the engine and subscribes it to the CRM's events of every tenant.
         *
         * @return the engine
         */
        public WorkflowEngine build() {
            return new WorkflowEngine(this);
        }
    }
}
