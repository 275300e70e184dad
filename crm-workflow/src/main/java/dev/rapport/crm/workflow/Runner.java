package dev.rapport.crm.workflow;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.rapport.crm.Crm;
import dev.rapport.crm.EntityId;
import dev.rapport.crm.TenantId;
import dev.rapport.crm.event.AccountCreated;
import dev.rapport.crm.event.ActivityLogged;
import dev.rapport.crm.event.ContactCreated;
import dev.rapport.crm.event.CrmEvent;
import dev.rapport.crm.workflow.spi.ActionContext;
import dev.rapport.crm.workflow.spi.ActionStep;
import dev.rapport.crm.workflow.spi.EnrollmentKey;
import dev.rapport.crm.workflow.spi.EnrollmentState;
import dev.rapport.crm.workflow.spi.EnrollmentStore;
import dev.rapport.crm.workflow.spi.IdempotencyLedger;
import dev.rapport.crm.workflow.spi.MessageSender;
import dev.rapport.crm.workflow.spi.SegmentStore;
import dev.rapport.crm.workflow.spi.StepKey;
import dev.rapport.crm.workflow.spi.Timer;
import dev.rapport.crm.workflow.spi.TimerStore;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's working part: evaluates rules for triggers, keeps edge and enrollment state in its
 * {@link EnrollmentStore}, runs steps with idempotency, retries and dead letters, and fires timers.
 * A dry-run runner has its own empty state, runs no step, sets no timer and touches no ledger.
 */
final class Runner {
    private static final Logger LOG = LoggerFactory.getLogger(WorkflowEngine.class);


    private final Crm crm;
    private final Supplier<RuleSet> rules;
    private final Map<String, Rule> versions;
    private final TimerStore timers;
    private final IdempotencyLedger ledger;
    private final EnrollmentStore enrollments;
    private final RetryPolicy retry;
    private final int maxDepth;
    private final MessageSender sender;
    private final boolean dry;
    /** Whether events look rules up in the index (else every triggered rule is evaluated). */
    private final boolean indexed;
    private final Consumer<Trace> sink;

    /** The rules of this engine whose actions are running on this thread, outermost first. */
    private final ThreadLocal<ArrayDeque<String>> chains = new ThreadLocal<>();

    /**
     * This thread's chain of running rules. It is kept when empty: making and dropping it for
     * every event cost more than the event's rules.
     */
    private ArrayDeque<String> chain() {
        ArrayDeque<String> chain = chains.get();
        if (chain == null) {
            chain = new ArrayDeque<>();
            chains.set(chain);
        }
        return chain;
    }

    /**
     * The triggering event of each enrollment waiting for a timer on this node, by enrollment key,
     * so the steps after a wait or a retry see it. Only the ids are in the enrollment store: an
     * enrollment resumed on another node or after a restart runs on without its event.
     */
    private final ConcurrentHashMap<EnrollmentKey, CrmEvent> waitingEvents = new ConcurrentHashMap<>();
    /** Members of each dynamic segment, by tenant and segment name. */
    private final SegmentStore segments;
    private final ConcurrentSkipListMap<String, DeadLetter> deadLetters = new ConcurrentSkipListMap<>();
    private final AtomicLong deadLetterSeq = new AtomicLong();

    /** The step index of a dead letter whose rule failed before any step: replay re-evaluates it. */
    static final int EVALUATION = -1;

    /** Arms an enrollment for the next edge; leaves a missing one missing. */
    private static final UnaryOperator<@Nullable EnrollmentState> ARM = e -> e == null ? null : e.withArmed(true);
    /** Ends an enrollment, keeping whether it is armed. */
    private static final UnaryOperator<@Nullable EnrollmentState> END = e -> e == null ? null : e.withActive(false);

    Runner(Crm crm, Supplier<RuleSet> rules, Map<String, Rule> versions, TimerStore timers, IdempotencyLedger ledger,
            EnrollmentStore enrollments, SegmentStore segments, RetryPolicy retry, int maxDepth, MessageSender sender,
            boolean dry, boolean indexed, Consumer<Trace> sink) {
        this.crm = crm;
        this.rules = rules;
        this.versions = versions;
        this.timers = timers;
        this.ledger = ledger;
        this.enrollments = enrollments;
        this.segments = segments;
        this.retry = retry;
        this.maxDepth = maxDepth;
        this.sender = sender;
        this.dry = dry;
        this.indexed = indexed && !dry;
        this.sink = sink;
    }

    /** Tenant views of the CRM, made once per tenant; evicting one only means making it again. */
    private final Cache<TenantId, Crm> views = Caffeine.newBuilder().maximumSize(10_000).executor(Runnable::run)
            .build();

    private Crm view(TenantId tenant) {
        return views.get(tenant, crm::forTenant);
    }

    private Instant now() {
        return crm.internalContext().clock().instant();
    }

    // ---------------------------------------------------------------- events

    void handle(CrmEvent event) {
        Crm view = view(event.meta().tenantId());
        RuleIndex index = rules.get().index();
        RuleIndex.Plan plan = index.plan(event.getClass());
        Map<String, Boolean> moves = index.segments().isEmpty() ? Map.of() : segmentMoves(view, event, index);
        Rule[] planned = plan.rules();
        int[] locals = plan.local();
        long[] candidates = null;
        // The event's entities, each read once and shared by the index and the rules' conditions;
        // read again after a rule has run steps that may have changed them.
        EntityValues values = null;
        EventSubjects subjects = new EventSubjects(event);
        ArrayDeque<String> chain = chains.get();
        String running = chain == null ? null : chain.peekLast();
        // The positions worth a look (see visits); made again whenever the answer it rests on is.
        long[] visit = null;
        boolean filtered = indexed && plan.positionOfLocal().length > 0;
        for (int p = 0; p < planned.length; p++) {
            Rule rule = planned[p];
            EntityId subject = null;
            try {
                if (filtered) {
                    if (candidates == null) {
                        if (values == null) {
                            values = new EntityValues(index, view, subjects, now());
                        }
                        candidates = candidates(plan.group(), values);
                        visit = null;
                    }
                    if (visit == null) {
                        visit = visits(plan, candidates, view, subjects);
                    }
                    if (!RuleIndex.has(visit, p)) {
                        continue;
                    }
                }
                if (rule.trigger() instanceof Triggers.SegmentChange sc) {
                    Boolean entered = moves.get(sc.segment.name());
                    subject = entered == null ? null : subjects.of(sc.segment.kind());
                    if (subject == null) {
                        continue;
                    }
                    if (entered != sc.entered) {
                        // The opposite move is the not-matching half of the edge: the next move
                        // this rule waits for may enroll the entity again.
                        if (rule.enrollment() == Enrollment.RE_ENROLL) {
                            markArmed(enrollKey(view.tenant(), rule, subject, event.meta().id().value()));
                        }
                    } else if (changedState(consider(rule, view, subject, event, event.meta().id().value(), null))) {
                        candidates = null;
                        values = null;
                        subjects.forget();
                        visit = null;
                    }
                    continue;
                }
                int local = locals[p];
                if (indexed && local >= 0) {
                    // The index leaves out the rules whose condition cannot hold for the entity as
                    // it is now (the pass above has its answer; it is read again after a rule has
                    // run steps that may change the entity).
                    if (!RuleIndex.has(candidates, local) && skipped(rule, p, plan, view, subjects, running)) {
                        continue;
                    }
                }
                if (!dry && rule.enabled()) {
                    arm(rule, view, event);
                }
                subject = triggerSubject(rule, event, subjects);
                if (subject == null) {
                    continue;
                }
                if (values == null) {
                    values = new EntityValues(index, view, subjects, now());
                }
                if (changedState(consider(rule, view, subject, event, event.meta().id().value(),
                        values.shared(rule.kind(), subject)))) {
                    // Steps ran: the index's answer still holds if they left the entities as read.
                    if (!values.unchanged()) {
                        candidates = null;
                        values = null;
                    }
                    subjects.forget();
                    visit = null;
                }
            } catch (RuntimeException e) {
                candidates = null;
                values = null;
                subjects.forget();
                visit = null;
                // One failing rule never keeps the others from the event, and the event is kept.
                LOG.warn("Workflow rule {} failed on event {}: {}", rule.id(), event.meta().id(), e.getClass().getName());
                if (!dry) {
                    deadLetter(rule, view.tenant(), event.meta().id().value(), event, subject, EVALUATION,
                            "(evaluation)", 1, e, List.of(rule.id()));
                }
            }
        }
    }

    /**
     * The plan positions an event's pass must look at, from the index's answer and the store's
     * unarmed enrollments: every rule the plan always looks at, every rule the index leaves in,
     * and each indexed re-enrolling rule that holds an unarmed enrollment of the subject it would
     * run for (a rule left out is armed by its look). Any other rule's look would do nothing: an
     * indexed rule left out that enrolls once, or that holds no unarmed enrollment. If the store
     * cannot be asked, every position is looked at (and each rule meets the failure itself).
     */
    private long[] visits(RuleIndex.Plan plan, long[] candidates, Crm view, EventSubjects subjects) {
        long[] visit = plan.mustVisit().clone();
        int[] positionOfLocal = plan.positionOfLocal();
        for (int w = 0; w < candidates.length; w++) {
            long word = candidates[w];
            while (word != 0) {
                int local = (w << 6) + Long.numberOfTrailingZeros(word);
                word &= word - 1;
                int at = local < positionOfLocal.length ? positionOfLocal[local] : -1;
                if (at >= 0) {
                    visit[at >>> 6] |= 1L << at;
                }
            }
        }
        try {
            for (Map.Entry<EntityKind, long[]> e : plan.arming().entrySet()) {
                EntityId likely = subjects.of(e.getKey());
                if (likely == null) {
                    likely = subjects.first();
                }
                if (likely == null) {
                    continue;
                }
                long[] unarmed = subjects.unarmedMask(view.tenant(), likely, enrollments, plan);
                long[] arming = e.getValue();
                for (int w = 0; w < visit.length; w++) {
                    visit[w] |= unarmed[w] & arming[w];
                }
            }
        } catch (RuntimeException e) {
            java.util.Arrays.fill(visit, -1L);
        }
        return visit;
    }

    /** Whether a consideration may have changed the entity (a step ran). */
    private static boolean changedState(Trace t) {
        return switch (t.outcome()) {
            case NOT_MATCHED, NO_EDGE, SUPPRESSED, ALREADY_ENROLLED, NOT_REENROLLED, OWN_CHANGE, DEPTH_EXCEEDED,
                    DISABLED, WOULD_RUN -> false;
            default -> true;
        };
    }

    /** The rules of the event's group that may match, from the entities as they are now. */
    private static long[] candidates(RuleIndex.Group group, EntityValues values) {
        try {
            return group.candidates(values);
        } catch (RuntimeException e) {
            // A value the index cannot compare: consider every rule, which reports the failure.
            return group.everyRule();
        }
    }

    /**
     * A rule the index left out: its condition is false, as evaluating it would have found. Like
     * a false condition, this arms a re-enrolling rule for the next edge (no trace is recorded).
     * A re-enrolling rule with a suppression condition is not skipped: a suppressed entity is not
     * armed, so it must be evaluated.
     *
     * @return false if the rule must be considered after all
     */
    private boolean skipped(Rule rule, int position, RuleIndex.Plan plan, Crm view, EventSubjects subjects,
            @Nullable String running) {
        if (rule.enrollment() != Enrollment.RE_ENROLL || rule.id().equals(running)) {
            return true;
        }
        if (rule.suppression() != null) {
            return false;
        }
        // The pass visits such a rule only when the store's unarmed index (looked up once per
        // subject and event, and marked by position in the plan) names it for the subject.
        EntityId subject = triggerSubject(rule, subjects.event, subjects);
        if (subject != null && subjects.unarmed(view.tenant(), subject, enrollments, plan, position)) {
            enrollments.update(enrollKey(view.tenant(), rule, subject, subjects.event.meta().id().value()), ARM);
        }
        return true;
    }

    /** An event's subjects, each kind looked up once. */
    private static final class EventSubjects {
        final CrmEvent event;
        private final List<EntityId> all;
        private final @Nullable EntityId[] byKind = new EntityId[EntityKind.values().length];
        private final boolean[] found = new boolean[byKind.length];
        private @Nullable EntityId keyed;
        /** Plan positions of the rules that may hold an unarmed enrollment of {@code keyed}. */
        private long @Nullable [] waiting;

        EventSubjects(CrmEvent event) {
            this.event = event;
            this.all = event.subjects();
        }

        @Nullable EntityId first() {
            return all.isEmpty() ? null : all.get(0);
        }

        @Nullable EntityId of(EntityKind kind) {
            int k = kind.ordinal();
            if (!found[k]) {
                byKind[k] = subjectOfKind(kind, all);
                found[k] = true;
            }
            return byKind[k];
        }

        /** Forgets what was looked up: steps ran, which may have enrolled the subject. */
        void forget() {
            keyed = null;
            waiting = null;
        }

        /**
         * Whether the rule at a plan position may hold an unarmed enrollment of the subject (the
         * store is asked once per subject).
         */
        boolean unarmed(TenantId tenant, EntityId subject, EnrollmentStore store, RuleIndex.Plan plan, int position) {
            long[] w = unarmedMask(tenant, subject, store, plan);
            return (w[position >>> 6] & (1L << position)) != 0;
        }

        /** By plan position, the rules that may hold an unarmed enrollment of the subject. */
        long[] unarmedMask(TenantId tenant, EntityId subject, EnrollmentStore store, RuleIndex.Plan plan) {
            long[] w = waiting;
            if (subject != keyed || w == null) {
                Set<String> ids = store.unarmedRules(tenant,
                        java.util.Objects.requireNonNull(SubjectCodec.encode(subject)));
                w = new long[(plan.rules().length + 63) >>> 6];
                for (String id : ids) {
                    Integer at = plan.positions().get(id);
                    if (at != null) {
                        w[at >>> 6] |= 1L << at;
                    }
                }
                waiting = w;
                keyed = subject;
            }
            return w;
        }
    }

    /** Field values of the event's entities, each loaded once, for the index. */
    private static final class EntityValues extends RuleIndex.Values {
        private final Crm view;
        private final EventSubjects subjects;
        private final Instant now;
        private final java.util.EnumMap<EntityKind, RuleContext> loaded = new java.util.EnumMap<>(EntityKind.class);

        EntityValues(RuleIndex index, Crm view, EventSubjects subjects, Instant now) {
            super(index);
            this.view = view;
            this.subjects = subjects;
            this.now = now;
        }

        private @Nullable RuleContext context(EntityKind kind) {
            RuleContext c = loaded.get(kind);
            if (c == null && !loaded.containsKey(kind)) {
                EntityId id = subjects.of(kind);
                c = id == null ? null : new RuleContext(view, kind, id, subjects.event, now);
                loaded.put(kind, c);
            }
            return c;
        }

        /**
         * Whether every entity read so far is still stored at the version read: a change always
         * raises the version, so the rule index's answer and the shared contexts still hold.
         */
        boolean unchanged() {
            for (Map.Entry<EntityKind, RuleContext> e : loaded.entrySet()) {
                RuleContext c = e.getValue();
                if (c != null && !SegmentPopulator.sameVersion(c.entity(),
                        new RuleContext(view, e.getKey(), c.subject().orElse(null), subjects.event, now).entity())) {
                    return false;
                }
            }
            return true;
        }

        /** The context already made for the kind, if it is for this subject. */
        @Nullable RuleContext shared(EntityKind kind, EntityId subject) {
            RuleContext c = context(kind);
            return c != null && subject.equals(c.subject().orElse(null)) ? c : null;
        }

        @Override
        @Nullable Object read(RuleIndex.Slot slot) {
            RuleContext c = context(slot.kind());
            Object entity = c == null ? null : c.entity();
            return entity == null ? null : slot.spec().read(entity);
        }

        @Override
        boolean known(EntityKind kind) {
            return context(kind) != null;
        }

        @Override
        Instant now() {
            return now;
        }

        @Override
        boolean changed(FieldSpec spec) {
            return true;
        }
    }

    /**
     * Updates the dynamic segments the rules use for the event's entity; returns, by segment
     * name, true for an entry and false for an exit.
     */
    private Map<String, Boolean> segmentMoves(Crm view, CrmEvent event, RuleIndex index) {
        Map<String, Boolean> moves = new java.util.HashMap<>();
        for (Segment segment : index.segments()) {
            EntityId id = subjectOfKind(segment.kind(), event);
            if (id == null || !segment.kind().changeEvents().contains(event.getClass())) {
                continue;
            }
            boolean in;
            boolean moved;
            try {
                in = segment.condition().evaluate(new RuleContext(view, segment.kind(), id, event, now())).result();
                // Only the call that changes the membership is a move, also between nodes sharing the store.
                String member = java.util.Objects.requireNonNull(SubjectCodec.encode(id));
                moved = in ? segments.add(view.tenant(), segment.name(), member)
                        : segments.remove(view.tenant(), segment.name(), member);
            } catch (RuntimeException e) {
                LOG.warn("Workflow segment {} failed on event {}: {}", segment.name(), event.meta().id(),
                        e.getClass().getName());
                continue;
            }
            if (moved) {
                moves.put(segment.name(), in);
            }
        }
        return moves;
    }

    Set<EntityId> segmentMembers(TenantId tenant, String segment) {
        Set<EntityId> members = new java.util.HashSet<>();
        for (String member : segments.members(tenant, segment)) {
            members.add(SubjectCodec.decode(member));
        }
        return Set.copyOf(members);
    }

    /**
     * Reconciles the dynamic segments of the active rules for a tenant with the records it holds,
     * firing no trigger and running no step; a dry runner only counts.
     */
    Map<String, SegmentPopulation> populateSegments(TenantId tenant) {
        return new SegmentPopulator(view(tenant), segments, dry, this::now).populate(rules.get().index().segments());
    }

    /** The subject the rule runs for when this event triggers it, or null if it does not. */
    private static @Nullable EntityId triggerSubject(Rule rule, CrmEvent event, EventSubjects subjects) {
        Trigger t = rule.trigger();
        if (t instanceof EventTrigger<?> e && e.matches(event)) {
            EntityId of = subjects.of(rule.kind());
            return of != null ? of : subjects.first();
        }
        if (t instanceof Triggers.PropertyChange && rule.kind().changeEvents().contains(event.getClass())) {
            return subjects.of(rule.kind());
        }
        return null;
    }

    private static @Nullable EntityId subjectOfKind(EntityKind kind, CrmEvent event) {
        return subjectOfKind(kind, event.subjects());
    }

    /** The first of the subjects of the kind (an event makes its list of subjects on each call). */
    private static @Nullable EntityId subjectOfKind(EntityKind kind, List<EntityId> subjects) {
        for (EntityId id : subjects) {
            if (kind.matches(id)) {
                return id;
            }
        }
        return null;
    }

    /** Sets or moves the timers of inactivity and date-offset triggers. */
    private void arm(Rule rule, Crm view, CrmEvent event) {
        TenantId tenant = view.tenant();
        if (rule.trigger() instanceof Triggers.Inactivity in) {
            List<EntityId> touched = new ArrayList<>();
            if ((event instanceof ContactCreated || event instanceof AccountCreated)
                    && rule.kind().matches(event.subjects().get(0))) {
                touched.add(event.subjects().get(0));
            } else if (event instanceof ActivityLogged a && in.kinds.contains(a.type())) {
                a.links().stream().filter(rule.kind()::matches).forEach(touched::add);
            }
            for (EntityId id : touched) {
                EnrollmentKey key = enrollKey(tenant, rule, id, "");
                markArmed(key);
                Instant due = event.meta().occurredAt().plus(in.duration);
                timers.schedule(new Timer("inactive|" + key.value(), tenant, due, Timer.Kind.INACTIVITY, rule.id(),
                        rule.version(), SubjectCodec.encode(id), "inactive:" + due, 0, 0));
            }
        } else if (rule.trigger() instanceof Triggers.DateOffset d && rule.kind().changeEvents().contains(event.getClass())) {
            EntityId id = subjectOfKind(rule.kind(), event);
            if (id == null) {
                return;
            }
            EnrollmentKey key = enrollKey(tenant, rule, id, "");
            Object entity = new RuleContext(view, rule.kind(), id, null, now()).entity();
            LocalDate date = entity == null ? null : d.read(entity);
            if (date == null || date.atTime(d.at).atZone(d.zone).toInstant().isBefore(now())) {
                timers.cancel("date|" + key.value());
                return;
            }
            Instant due = dateDue(d, date);
            timers.schedule(new Timer("date|" + key.value(), tenant, due, Timer.Kind.DATE, rule.id(), rule.version(),
                    SubjectCodec.encode(id), "date:" + date, 0, 0));
        }
    }

    private static Instant dateDue(Triggers.DateOffset d, LocalDate date) {
        return date.plusDays(d.days).atTime(d.at).atZone(d.zone).toInstant();
    }

    void armSchedules(List<TenantId> tenants) {
        if (dry) {
            return;
        }
        for (Rule rule : rules.get().rules()) {
            if (rule.trigger() instanceof Triggers.Schedule s && rule.enabled()) {
                for (TenantId tenant : tenants) {
                    Instant due = s.nextAfter(now());
                    timers.schedule(new Timer(scheduleTimerId(tenant, rule), tenant, due, Timer.Kind.SCHEDULE,
                            rule.id(), rule.version(), null, "schedule:" + due, 0, 0));
                }
            }
        }
    }

    private static String scheduleTimerId(TenantId tenant, Rule rule) {
        return "schedule|" + tenant.value() + "|" + rule.id() + "@" + rule.version();
    }

    private static EnrollmentKey enrollKey(TenantId tenant, Rule rule, @Nullable EntityId subject, String triggerId) {
        String s = SubjectCodec.encode(subject);
        return EnrollmentKey.of(tenant, rule.id(), s != null ? s : "trigger:" + triggerId);
    }

    // ---------------------------------------------------------------- evaluation

    private Trace trace(Rule rule, Crm view, String triggerId, @Nullable EntityId subject, Trace.Outcome outcome,
            List<Evaluation> evaluations, List<StepTrace> steps) {
        Evaluation condition = evaluations.size() == 1 ? evaluations.get(0)
                : new Evaluation("trigger and conditions", evaluations.stream().allMatch(Evaluation::result),
                        evaluations);
        Trace t = new Trace(rule.id(), rule.version(), view.tenant(), triggerId, subject, now(), outcome, condition,
                steps);
        sink.accept(t);
        return t;
    }

    Trace consider(Rule rule, Crm view, @Nullable EntityId subject, @Nullable CrmEvent event, String triggerId) {
        return consider(rule, view, subject, event, triggerId, null);
    }

    /** Considers a rule, with the context already made for its subject and event, if any. */
    private Trace consider(Rule rule, Crm view, @Nullable EntityId subject, @Nullable CrmEvent event,
            String triggerId, @Nullable RuleContext shared) {
        List<Evaluation> evaluations = new ArrayList<>();
        if (!rule.enabled()) {
            return trace(rule, view, triggerId, subject, Trace.Outcome.DISABLED, evaluations, List.of());
        }
        ArrayDeque<String> chain = chain();
        if (rule.id().equals(chain.peekLast())) {
            return trace(rule, view, triggerId, subject, Trace.Outcome.OWN_CHANGE, evaluations, List.of());
        }
        RuleContext ctx = shared != null ? shared : new RuleContext(view, rule.kind(), subject, event, now());
        // The enrollment key is made only when the store is asked: most rules an event triggers do
        // not match, and a rule that enrolls once is never armed.
        EnrollmentKey key = null;
        if (rule.trigger() instanceof Triggers.PropertyChange pc) {
            Evaluation e = pc.condition.evaluate(ctx);
            evaluations.add(e);
            key = enrollKey(view.tenant(), rule, subject, triggerId);
            Boolean before = enrollments.swapCondition(key, e.result());
            if (!e.result()) {
                armForNextEdge(rule, key);
            }
            if (!e.result() || Boolean.TRUE.equals(before)) {
                return trace(rule, view, triggerId, subject, Trace.Outcome.NO_EDGE, evaluations, List.of());
            }
        }
        if (rule.suppression() != null) {
            Evaluation s = rule.suppression().evaluate(ctx);
            evaluations.add(new Evaluation("suppressed when", s.result(), List.of(s)));
            if (s.result()) {
                return trace(rule, view, triggerId, subject, Trace.Outcome.SUPPRESSED, evaluations, List.of());
            }
        }
        Evaluation c = rule.condition().evaluate(ctx);
        evaluations.add(c);
        if (!c.result()) {
            if (rule.enrollment() == Enrollment.RE_ENROLL) {   // (see armForNextEdge)
                markArmed(key != null ? key : enrollKey(view.tenant(), rule, subject, triggerId));
            }
            return trace(rule, view, triggerId, subject, Trace.Outcome.NOT_MATCHED, evaluations, List.of());
        }
        if (key == null) {
            key = enrollKey(view.tenant(), rule, subject, triggerId);
        }
        if (rule.goal() != null) {
            Evaluation g = rule.goal().evaluate(ctx);
            evaluations.add(new Evaluation("goal", g.result(), List.of(g)));
            if (g.result()) {
                return trace(rule, view, triggerId, subject, Trace.Outcome.GOAL_MET, evaluations, List.of());
            }
        }
        // Only a rule that could enroll counts against the depth limit (claim re-checks atomically).
        Trace.Outcome ineligible = refusal(enrollments.find(key), rule);
        if (ineligible != null) {
            return trace(rule, view, triggerId, subject, ineligible, evaluations, List.of());
        }
        if (chain.size() >= maxDepth) {
            List<String> full = new ArrayList<>(chain);
            full.add(rule.id());
            if (!dry) {
                deadLetter(rule, view.tenant(), triggerId, event, subject, 0, "(not started)", 0,
                        new CascadeDepthExceededException(full, maxDepth), full);
            }
            return trace(rule, view, triggerId, subject, Trace.Outcome.DEPTH_EXCEEDED, evaluations, List.of());
        }
        Trace.Outcome refused = claim(key, rule, view.tenant(), subject, triggerId);
        if (refused != null) {
            return trace(rule, view, triggerId, subject, refused, evaluations, List.of());
        }
        if (dry) {
            List<StepTrace> planned = new ArrayList<>();
            for (int i = 0; i < rule.actions().size(); i++) {
                planned.add(new StepTrace(i, rule.actions().get(i).description(), StepTrace.Outcome.WOULD_RUN, ""));
            }
            enrollments.update(key, e -> e == null ? null : e.withActive(false).withArmed(false));
            return trace(rule, view, triggerId, subject, Trace.Outcome.WOULD_RUN, evaluations, planned);
        }
        return runSteps(rule, view, subject, event, triggerId, key, 0, 0, evaluations);
    }

    private void markArmed(EnrollmentKey key) {
        enrollments.update(key, ARM);
    }

    /**
     * Arms a re-enrolling rule's enrollment after its condition was seen false. An enrollment of a
     * rule that enrolls once is never admitted again, armed or not, so it is not written.
     */
    private void armForNextEdge(Rule rule, EnrollmentKey key) {
        if (rule.enrollment() == Enrollment.RE_ENROLL) {
            markArmed(key);
        }
    }

    /** A new running enrollment, not armed for the next edge. */
    private static EnrollmentState started(TenantId tenant, Rule rule, @Nullable EntityId subject, String triggerId) {
        return new EnrollmentState(tenant, rule.id(), rule.version(), SubjectCodec.encode(subject), triggerId, true,
                false);
    }

    /** Atomically enrolls, or says why not. */
    private Trace.@Nullable Outcome claim(EnrollmentKey key, Rule rule, TenantId tenant, @Nullable EntityId subject,
            String triggerId) {
        EnrollmentState started = started(tenant, rule, subject, triggerId);
        // Written by each run of the update's function; the last run is the one that counts.
        Trace.Outcome[] refused = new Trace.Outcome[1];
        enrollments.update(key, current -> {
            refused[0] = refusal(current, rule);
            return refused[0] != null ? current : started;
        });
        return refused[0];
    }

    private static Trace.@Nullable Outcome refusal(@Nullable EnrollmentState current, Rule rule) {
        if (current == null) {
            return null;
        }
        if (current.active()) {
            return Trace.Outcome.ALREADY_ENROLLED;
        }
        return rule.enrollment() == Enrollment.ONCE || !current.armed() ? Trace.Outcome.NOT_REENROLLED : null;
    }

    private void end(EnrollmentKey key) {
        enrollments.update(key, END);
        if (!waitingEvents.isEmpty()) {
            waitingEvents.remove(key);
        }
    }

    /** Keeps the event of an enrollment that waits for a timer on this node. */
    private void keepEvent(EnrollmentKey key, @Nullable CrmEvent event) {
        if (event != null) {
            waitingEvents.put(key, event);
        }
    }

    // ---------------------------------------------------------------- steps

    private Trace runSteps(Rule rule, Crm view, @Nullable EntityId subject, @Nullable CrmEvent event,
            String triggerId, EnrollmentKey key, int from, int attempt, List<Evaluation> evaluations) {
        ArrayDeque<String> chain = chain();
        List<String> chainHere = new ArrayList<>(chain);
        chainHere.add(rule.id());
        chain.addLast(rule.id());
        List<StepTrace> steps = new ArrayList<>();
        boolean pastDone = false;
        try {
            for (int i = from; i < rule.actions().size(); i++) {
                if (i > 0 && rule.goal() != null) {
                    Evaluation g = rule.goal().evaluate(new RuleContext(view, rule.kind(), subject, event, now()));
                    if (g.result()) {
                        evaluations.add(new Evaluation("goal", true, List.of(g)));
                        end(key);
                        return trace(rule, view, triggerId, subject, Trace.Outcome.GOAL_MET, evaluations, steps);
                    }
                }
                Action action = rule.actions().get(i);
                if (action.isWait()) {
                    Instant due = action.waitUntil(now());
                    if (due.isAfter(now())) {
                        keepEvent(key, event);
                        timers.schedule(new Timer("resume|" + key.value(), view.tenant(), due, Timer.Kind.RESUME, rule.id(),
                                rule.version(), SubjectCodec.encode(subject), triggerId, i + 1, 0));
                        steps.add(new StepTrace(i, action.description(), StepTrace.Outcome.WAITING, "until " + due));
                        return trace(rule, view, triggerId, subject, Trace.Outcome.WAITING, evaluations, steps);
                    }
                    steps.add(new StepTrace(i, action.description(), StepTrace.Outcome.DONE, "already passed"));
                    continue;
                }
                // The subject is part of the key: timer triggers (inactivity, date offset) name their
                // trigger by its due instant or date, which several entities may share.
                StepKey stepKey = StepKey.of(view.tenant(), rule.id(), rule.version(), triggerId,
                        SubjectCodec.encode(subject), i);
                // Steps are recorded in order, each after it succeeded, so the done ones of a
                // trigger are a prefix: after the first step not done, none later is.
                if (!pastDone && ledger.isDone(stepKey)) {
                    steps.add(new StepTrace(i, action.description(), StepTrace.Outcome.ALREADY_DONE, ""));
                    continue;
                }
                pastDone = true;
                ActionStep step = java.util.Objects.requireNonNull(action.stepOrNull());
                try {
                    String result = step.run(new Context(view, subject, event, now(), rule, stepKey));
                    ledger.markDone(stepKey);
                    attempt = 0;   // attempts count per step
                    steps.add(new StepTrace(i, action.description(), StepTrace.Outcome.DONE, String.valueOf(result)));
                } catch (Exception failure) {
                    int attempts = attempt + 1;
                    steps.add(new StepTrace(i, action.description(), StepTrace.Outcome.FAILED,
                            failure.getClass().getSimpleName()));
                    if (attempts < retry.maxAttempts()) {
                        Instant due = now().plus(retry.delayAfter(attempts));
                        keepEvent(key, event);
                        timers.schedule(new Timer("resume|" + key.value(), view.tenant(), due, Timer.Kind.RETRY, rule.id(),
                                rule.version(), SubjectCodec.encode(subject), triggerId, i, attempts));
                        return trace(rule, view, triggerId, subject, Trace.Outcome.RETRY_SCHEDULED, evaluations,
                                steps);
                    }
                    LOG.warn("Workflow rule {} step {} failed {} times and was dead-lettered: {}", rule.id(), i,
                            attempts, failure.getClass().getName());
                    deadLetter(rule, view.tenant(), triggerId, event, subject, i, action.description(), attempts,
                            failure, chainHere);
                    end(key);
                    return trace(rule, view, triggerId, subject, Trace.Outcome.DEAD_LETTERED, evaluations, steps);
                }
            }
            end(key);
            return trace(rule, view, triggerId, subject, Trace.Outcome.COMPLETED, evaluations, steps);
        } finally {
            chain.removeLast();
        }
    }

    private void deadLetter(Rule rule, TenantId tenant, String triggerId, @Nullable CrmEvent event,
            @Nullable EntityId subject, int step, String action, int attempts, Throwable failure, List<String> chain) {
        String id = String.format("dl-%08d", deadLetterSeq.incrementAndGet());
        deadLetters.put(id, new DeadLetter(id, tenant, rule.id(), rule.version(), triggerId, event, subject, step,
                action, attempts, failure, now(), chain));
    }

    List<DeadLetter> deadLetters() {
        return List.copyOf(deadLetters.values());
    }

    Trace replay(String id) {
        DeadLetter d = deadLetters.remove(id);
        if (d == null) {
            throw new IllegalArgumentException("no dead letter " + id);
        }
        Rule rule = versions.get(d.ruleId() + "@" + d.ruleVersion());
        if (rule == null) {
            deadLetters.put(id, d);
            throw new IllegalStateException("rule " + d.ruleId() + " version " + d.ruleVersion() + " is not known");
        }
        Crm view = view(d.tenantId());
        if (d.step() == EVALUATION) {
            return consider(rule, view, d.subject(), d.event(), d.triggerId());
        }
        EnrollmentKey key = enrollKey(d.tenantId(), rule, d.subject(), d.triggerId());
        EnrollmentState started = started(d.tenantId(), rule, d.subject(), d.triggerId());
        enrollments.update(key, current -> started);
        return runSteps(rule, view, d.subject(), d.event(), d.triggerId(), key, d.step(), 0, new ArrayList<>());
    }

    // ---------------------------------------------------------------- timers

    int tick() {
        List<Timer> due = timers.takeDue(now());
        for (Timer t : due) {
            try {
                fire(t);
            } catch (RuntimeException e) {
                LOG.warn("Workflow timer for rule {} failed: {}", t.ruleId(), e.getClass().getName());
            }
        }
        return due.size();
    }

    private void fire(Timer t) {
        Crm view = view(t.tenantId());
        EntityId subject = SubjectCodec.decode(t.subject());
        switch (t.kind()) {
            case RESUME, RETRY -> {
                // In-flight enrollments keep the version they started with.
                Rule rule = versions.get(t.ruleId() + "@" + t.ruleVersion());
                if (rule == null) {
                    LOG.warn("Workflow timer names rule {} version {}, which is not known", t.ruleId(), t.ruleVersion());
                    return;
                }
                EnrollmentKey key = enrollKey(t.tenantId(), rule, subject, t.triggerId());
                EnrollmentState started = started(t.tenantId(), rule, subject, t.triggerId());
                enrollments.update(key, current -> current != null ? current : started);
                runSteps(rule, view, subject, waitingEvents.get(key), t.triggerId(), key, t.step(),
                        t.kind() == Timer.Kind.RETRY ? t.attempt() : 0, new ArrayList<>());
            }
            case SCHEDULE -> current(t).ifPresent(rule -> {
                Instant next = ((Triggers.Schedule) rule.trigger()).nextAfter(t.dueAt());
                timers.schedule(new Timer(t.id(), t.tenantId(), next, Timer.Kind.SCHEDULE, rule.id(), rule.version(),
                        null, "schedule:" + next, 0, 0));
                consider(rule, view, null, null, t.triggerId());
            });
            case INACTIVITY -> current(t).ifPresent(rule -> consider(rule, view, subject, null, t.triggerId()));
            case DATE -> current(t).ifPresent(rule -> {
                Triggers.DateOffset d = (Triggers.DateOffset) rule.trigger();
                Object entity = new RuleContext(view, rule.kind(), subject, null, now()).entity();
                LocalDate date = entity == null ? null : d.read(entity);
                if (date != null && ("date:" + date).equals(t.triggerId())) {
                    // A new date reached is a new not-matching-to-matching edge (e.g. next year's renewal).
                    enrollments.update(enrollKey(t.tenantId(), rule, subject, t.triggerId()),
                            e -> e == null || e.triggerId().equals(t.triggerId()) ? e : e.withArmed(true));
                    consider(rule, view, subject, null, t.triggerId());
                }
            });
        }
    }

    /** The rule of a trigger timer, if the rule set still holds it with the same trigger kind. */
    private Optional<Rule> current(Timer t) {
        return rules.get().find(t.ruleId()).filter(r -> switch (t.kind()) {
            case SCHEDULE -> r.version() == t.ruleVersion() && r.trigger() instanceof Triggers.Schedule;
            case INACTIVITY -> r.trigger() instanceof Triggers.Inactivity;
            case DATE -> r.trigger() instanceof Triggers.DateOffset;
            default -> false;
        });
    }

    // ---------------------------------------------------------------- context for steps

    private final class Context implements ActionContext {
        private final Crm view;
        private final @Nullable EntityId subject;
        private final @Nullable CrmEvent event;
        private final Instant now;
        private final Rule rule;
        private final StepKey key;

        Context(Crm view, @Nullable EntityId subject, @Nullable CrmEvent event, Instant now, Rule rule, StepKey key) {
            this.view = view;
            this.subject = subject;
            this.event = event;
            this.now = now;
            this.rule = rule;
            this.key = key;
        }

        @Override
        public Crm crm() {
            return view;
        }

        @Override
        public Optional<EntityId> subject() {
            return Optional.ofNullable(subject);
        }

        @Override
        public Optional<CrmEvent> event() {
            return Optional.ofNullable(event);
        }

        @Override
        public Instant now() {
            return now;
        }

        @Override
        public String ruleId() {
            return rule.id();
        }

        @Override
        public int ruleVersion() {
            return rule.version();
        }

        @Override
        public String idempotencyKey() {
            return key.value();
        }

        @Override
        public MessageSender messages() {
            return sender;
        }
    }
}
