package dev.rapport.crm.workflow;

import dev.rapport.crm.event.CrmEvent;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The index of a {@link RuleSet}'s event-triggered rules, built once per set. Rules are grouped by
 * the event type that triggers them; within a group each rule is filed under an access path
 * derived from its condition: a set of field comparisons at least one of which holds whenever the
 * condition does. Equality, {@code in}, {@code changed-to} and tag {@code contains} go into a hash
 * index (field, value) to rules; ranges go into sorted bound arrays (a value finds the rules whose
 * lower bound is at or below it by binary search, and those whose upper bound is at or above it);
 * a rule with no usable comparison (a negation, {@code exists}, {@code !=}, a Java predicate) is
 * checked for every event of its type. Because a comparison with a missing value is false, a rule
 * filed under a field the entity lacks is never a candidate. The index over-approximates (ranges
 * ignore strictness, {@code between} files only its lower bound); candidates are then checked
 * against their full condition, so the selection equals evaluating every rule.
 */
final class RuleIndex {
    /** A field of an entity kind the index reads, numbered so values are read once per event. */
    record Slot(int id, EntityKind kind, FieldSpec spec, Class<?> type, String path) {
    }

    /**
     * Reads field values for the index and compiled conditions, from facts or from the loaded
     * entities, each at most once; a value of the wrong type for its field is an error naming it.
     */
    abstract static class Values {
        private static final Object MISSING = new Object();
        private final @Nullable Object[] read;

        Values(RuleIndex index) {
            this.read = new Object[index.slots.size()];
        }

        final @Nullable Object get(Slot slot) {
            Object v = read[slot.id()];
            if (v == null) {
                Object r = read(slot);
                if (r != null && !slot.type().isInstance(r)) {
                    throw wrongType(slot.spec(), r);
                }
                v = r == null ? MISSING : r;
                read[slot.id()] = v;
            }
            return v == MISSING ? null : v;
        }

        /** The value of a field of an entity of a kind; null when missing. */
        abstract @Nullable Object read(Slot slot);

        /** False when no entity of the kind is at hand, so its rules cannot be pruned. */
        abstract boolean known(EntityKind kind);

        /** True when every kind is known (facts), so no rule is added for want of an entity. */
        boolean allKnown() {
            return false;
        }

        abstract @Nullable Instant now();

        abstract boolean changed(FieldSpec spec);
    }

    /** A compiled condition over {@link Values}: the same result as the condition tree. */
    interface Test {
        boolean test(Values values);
    }

    private static final Map<String, Class<? extends CrmEvent>> EVENTS = events();

    private final RuleSet set;
    private final Map<Class<?>, Group> groups = new ConcurrentHashMap<>();
    private final Map<Class<?>, Plan> plans = new ConcurrentHashMap<>();
    private final List<Segment> segments;
    /** Rules the index cannot check over facts, by position in the set; empty when all can be. */
    private final Map<Integer, String> notCompilable = new TreeMap<>();
    private final Test[] tests;
    private final @Nullable Object[] access;
    private final Map<String, Slot> slots = new HashMap<>();

    private RuleIndex(RuleSet set) {
        this.set = set;
        List<Rule> rules = set.rules();
        tests = new Test[rules.size()];
        access = new Object[rules.size()];
        for (int i = 0; i < rules.size(); i++) {
            Rule r = rules.get(i);
            if (!(r.trigger() instanceof EventTrigger<?> et) || !r.enabled()) {
                continue;
            }
            if (et.filtered()) {
                notCompilable.put(i, "/rules/" + i + "/trigger: rule '" + r.id()
                        + "' has a Java event filter, which cannot be checked over facts");
            }
            try {
                tests[i] = compile(r.condition(), r.kind());
            } catch (NotCompilable e) {
                notCompilable.putIfAbsent(i, "/rules/" + i + "/condition: rule '" + r.id()
                        + "' has a Java predicate condition, which cannot be checked over facts");
            }
            List<Access> a = access(r.condition(), r.kind());
            access[i] = a;
            if (a != null) {
                for (Access x : a) {
                    slot(x.kind(), x.spec());   // every slot exists before any group is made
                }
            }
        }
        for (Class<? extends CrmEvent> type : EVENTS.values()) {
            groups.put(type, new Group(type));
        }
        Map<String, Segment> used = new TreeMap<>();
        for (Rule r : rules) {
            if (r.trigger() instanceof Triggers.SegmentChange sc) {
                used.putIfAbsent(sc.segment.name(), sc.segment);
            }
        }
        segments = List.copyOf(used.values());
    }

    /** The dynamic segments the rules' triggers use, by name. */
    List<Segment> segments() {
        return segments;
    }

    /**
     * What the engine looks at for an event of a class: the rules in the set's order that are not
     * event-triggered, or are triggered by this class; for each, its number in the class's group
     * (-1 when it is not indexed and must always be considered), and each rule's position by id.
     * For the engine's pass over the plan, by position: {@code positionOfLocal} (a group number's
     * position, or -1), {@code mustVisit} (the rules looked at whatever the index says: not
     * indexed, triggered by a segment, or re-enrolling with a suppression condition) and
     * {@code arming} (by entity kind, the indexed re-enrolling rules that need a look only while
     * they hold an unarmed enrollment of the subject). An indexed rule that enrolls once needs a
     * look only when the index leaves it in.
     */
    record Plan(Group group, Rule[] rules, int[] local, Map<String, Integer> positions, int[] positionOfLocal,
            long[] mustVisit, Map<EntityKind, long[]> arming) {
    }

    Plan plan(Class<?> eventClass) {
        Plan p = plans.get(eventClass);
        return p != null ? p : plans.computeIfAbsent(eventClass, this::makePlan);
    }

    private Plan makePlan(Class<?> eventClass) {
        Group group = group(eventClass);
        Map<Rule, Integer> locals = new HashMap<>();
        for (int i = 0; i < group.rules.length; i++) {
            locals.put(group.rules[i], i);
        }
        List<Rule> list = new ArrayList<>();
        List<Integer> local = new ArrayList<>();
        for (Rule r : set.rules()) {
            if (r.trigger() instanceof EventTrigger<?> et && !et.type().isAssignableFrom(eventClass)) {
                continue;
            }
            list.add(r);
            local.add(locals.getOrDefault(r, -1));
        }
        Map<String, Integer> positions = new HashMap<>();
        int[] positionOfLocal = new int[group.rules.length];
        java.util.Arrays.fill(positionOfLocal, -1);
        long[] mustVisit = new long[(list.size() + 63) >>> 6];
        Map<EntityKind, long[]> arming = new java.util.EnumMap<>(EntityKind.class);
        for (int i = 0; i < list.size(); i++) {
            Rule r = list.get(i);
            positions.put(r.id(), i);
            int l = local.get(i);
            if (l >= 0) {
                positionOfLocal[l] = i;
            }
            boolean reEnrolls = r.enrollment() == Enrollment.RE_ENROLL;
            if (l < 0 || r.trigger() instanceof Triggers.SegmentChange || reEnrolls && r.suppression() != null) {
                mustVisit[i >>> 6] |= 1L << i;
            } else if (reEnrolls) {
                arming.computeIfAbsent(r.kind(), k -> new long[mustVisit.length])[i >>> 6] |= 1L << i;
            }
        }
        return new Plan(group, list.toArray(Rule[]::new), local.stream().mapToInt(Integer::intValue).toArray(),
                Map.copyOf(positions), positionOfLocal, mustVisit, arming);
    }

    static RuleIndex of(RuleSet set) {
        return new RuleIndex(set);
    }

    static Map<String, Class<? extends CrmEvent>> eventTypes() {
        return EVENTS;
    }

    Map<Integer, String> notCompilable() {
        return notCompilable;
    }

    RuleSet set() {
        return set;
    }

    /** The group of an event class (the concrete class of an event, or an event type). */
    Group group(Class<?> eventClass) {
        Group g = groups.get(eventClass);
        return g != null ? g : groups.computeIfAbsent(eventClass, Group::new);
    }

    private static Map<String, Class<? extends CrmEvent>> events() {
        Map<String, Class<? extends CrmEvent>> m = new TreeMap<>();
        for (Class<?> c : CrmEvent.class.getPermittedSubclasses()) {
            m.put(c.getSimpleName(), c.asSubclass(CrmEvent.class));
        }
        return Collections.unmodifiableMap(m);
    }

    // ---------------------------------------------------------------- access paths

    /** One field comparison a rule is filed under. */
    private record Access(EntityKind kind, FieldSpec spec, Kind how, List<Object> keys) {
        enum Kind { EQ, LOWER, UPPER }

        int cost() {
            return how == Kind.EQ ? keys.size() : 1000;
        }
    }

    /**
     * Comparisons at least one of which holds whenever the condition does; null when there are
     * none (the rule must always be checked); empty when the condition can never hold.
     */
    private static @Nullable List<Access> access(Condition c, EntityKind ruleKind) {
        if (c instanceof Conditions.FieldCondition f) {
            if (f.kind != ruleKind) {
                return null;
            }
            Object lit = f.literal;
            return switch (f.op) {
                case EQ, CHANGED_TO -> List.of(new Access(f.kind, f.spec, Access.Kind.EQ, List.of(key(lit))));
                case IN -> {
                    List<Object> keys = new ArrayList<>();
                    for (Object o : (List<?>) java.util.Objects.requireNonNull(lit)) {
                        keys.add(key(o));
                    }
                    yield List.of(new Access(f.kind, f.spec, Access.Kind.EQ, List.copyOf(keys)));
                }
                case CONTAINS -> f.spec.type() == ValueType.TAGS
                        ? List.of(new Access(f.kind, f.spec, Access.Kind.EQ, List.of(key(lit)))) : null;
                case GE, GT -> List.of(new Access(f.kind, f.spec, Access.Kind.LOWER, List.of(key(lit))));
                case LE, LT -> List.of(new Access(f.kind, f.spec, Access.Kind.UPPER, List.of(key(lit))));
                case BETWEEN -> List.of(new Access(f.kind, f.spec, Access.Kind.LOWER,
                        List.of(key(((List<?>) java.util.Objects.requireNonNull(lit)).get(0)))));
                default -> null;
            };
        }
        if (c instanceof Conditions.Group g) {
            if (g.all) {
                List<Access> best = null;
                int bestCost = Integer.MAX_VALUE;
                for (Condition part : g.parts) {
                    List<Access> a = access(part, ruleKind);
                    if (a == null) {
                        continue;
                    }
                    int cost = 0;
                    for (Access x : a) {
                        cost += x.cost();
                    }
                    if (cost < bestCost) {
                        best = a;
                        bestCost = cost;
                    }
                }
                return best;
            }
            List<Access> union = new ArrayList<>();
            for (Condition part : g.parts) {
                List<Access> a = access(part, ruleKind);
                if (a == null) {
                    return null;
                }
                union.addAll(a);
            }
            return union;
        }
        return null;
    }

    private static Object key(@Nullable Object literal) {
        Object o = java.util.Objects.requireNonNull(literal);
        return o instanceof BigDecimal d ? Facts.number(d) : o;
    }

    // ---------------------------------------------------------------- compiled conditions

    private static final class NotCompilable extends Exception {
        private static final long serialVersionUID = 1L;

        NotCompilable() {
            super(null, null, false, false);
        }
    }

    private Slot slot(EntityKind kind, FieldSpec spec) {
        return slots.computeIfAbsent(kind.name() + "|" + spec.path(), k -> new Slot(slots.size(), kind, spec,
                javaType(spec.type()), spec.path().intern()));
    }

    private Test compile(Condition c, EntityKind ruleKind) throws NotCompilable {
        if (Conditions.isAlways(c)) {
            return v -> true;
        }
        if (c instanceof Conditions.FieldCondition f) {
            if (f.kind != ruleKind) {
                boolean constant = f.holds(null, null, false);
                return v -> constant;
            }
            Slot slot = slot(f.kind, f.spec);
            if (f.op == Operator.CHANGED_TO) {
                return v -> f.holds(v.get(slot), v.now(), v.changed(f.spec));
            }
            return v -> f.holds(v.get(slot), v.now(), false);
        }
        if (c instanceof Conditions.Not n) {
            Test inner = compile(n.part, ruleKind);
            return v -> !inner.test(v);
        }
        if (c instanceof Conditions.Group g) {
            Test[] parts = new Test[g.parts.size()];
            for (int i = 0; i < parts.length; i++) {
                parts[i] = compile(g.parts.get(i), ruleKind);
            }
            if (g.all) {
                return v -> {
                    for (Test t : parts) {
                        if (!t.test(v)) {
                            return false;
                        }
                    }
                    return true;
                };
            }
            return v -> {
                for (Test t : parts) {
                    if (t.test(v)) {
                        return true;
                    }
                }
                return false;
            };
        }
        throw new NotCompilable();
    }

    static Class<?> javaType(ValueType type) {
        return switch (type) {
            case TEXT, CHOICE -> String.class;
            case NUMBER -> BigDecimal.class;
            case DATE -> LocalDate.class;
            case TIMESTAMP -> Instant.class;
            case BOOLEAN -> Boolean.class;
            case TAGS -> Set.class;
            case MONEY -> dev.rapport.crm.revenue.Money.class;
        };
    }

    private static IllegalArgumentException wrongType(FieldSpec spec, Object value) {
        return new IllegalArgumentException("fact '" + spec.path() + "': expected " + spec.type()
                + " but got " + value.getClass().getSimpleName());
    }

    // ---------------------------------------------------------------- groups

    /** A field of one entity kind with its hash and range entries. */
    private static final class FieldIndex {
        final Slot slot;
        final Map<Object, int[]> byValue = new HashMap<>();
        Object[] lowerBounds = new Object[0];
        int[] lowerRules = new int[0];
        Object[] upperBounds = new Object[0];
        int[] upperRules = new int[0];

        FieldIndex(Slot slot) {
            this.slot = slot;
        }
    }

    /** The rules one event class triggers, in the set's order, with their index. */
    final class Group {
        final Rule[] rules;
        /** Position of each rule in the set (for its compiled test and error pointer). */
        private final int[] positions;
        private final Test[] groupTests;
        private final int words;
        /** Rules checked for every event: no access path. */
        private final long[] always;
        private final FieldIndex[] fields;
        private final Map<EntityKind, long[]> byKind = new EnumMap<>(EntityKind.class);

        Group(Class<?> eventClass) {
            List<Rule> all = set.rules();
            List<Integer> mine = new ArrayList<>();
            for (int i = 0; i < all.size(); i++) {
                Rule r = all.get(i);
                if (r.enabled() && r.trigger() instanceof EventTrigger<?> et && et.type().isAssignableFrom(eventClass)) {
                    mine.add(i);
                }
            }
            int n = mine.size();
            rules = new Rule[n];
            positions = new int[n];
            groupTests = new Test[n];
            words = (n + 63) >>> 6;
            always = new long[words];
            Map<String, FieldIndex> byField = new LinkedHashMap<>();
            Map<FieldIndex, List<Object[]>> lowers = new HashMap<>();
            Map<FieldIndex, List<Object[]>> uppers = new HashMap<>();
            Map<FieldIndex, Map<Object, List<Integer>>> eq = new HashMap<>();
            for (int local = 0; local < n; local++) {
                int pos = mine.get(local);
                Rule r = all.get(pos);
                rules[local] = r;
                positions[local] = pos;
                groupTests[local] = tests[pos];
                byKind.computeIfAbsent(r.kind(), k -> new long[words])[local >>> 6] |= 1L << local;
                @SuppressWarnings("unchecked")
                List<Access> a = (List<Access>) access[pos];
                if (a == null) {
                    always[local >>> 6] |= 1L << local;
                    continue;
                }
                for (Access x : a) {
                    FieldIndex f = byField.computeIfAbsent(x.kind().name() + "|" + x.spec().path(),
                            k -> new FieldIndex(slot(x.kind(), x.spec())));
                    switch (x.how()) {
                        case EQ -> {
                            Map<Object, List<Integer>> m = eq.computeIfAbsent(f, k -> new HashMap<>());
                            for (Object key : x.keys()) {
                                m.computeIfAbsent(key, k -> new ArrayList<>()).add(local);
                            }
                        }
                        case LOWER -> lowers.computeIfAbsent(f, k -> new ArrayList<>())
                                .add(new Object[] {x.keys().get(0), local});
                        case UPPER -> uppers.computeIfAbsent(f, k -> new ArrayList<>())
                                .add(new Object[] {x.keys().get(0), local});
                    }
                }
            }
            for (FieldIndex f : byField.values()) {
                Map<Object, List<Integer>> m = eq.get(f);
                if (m != null) {
                    m.forEach((k, v) -> f.byValue.put(k, v.stream().mapToInt(Integer::intValue).toArray()));
                }
                List<Object[]> lo = lowers.get(f);
                if (lo != null) {
                    lo.sort((p, q) -> Conditions.FieldCondition.compare(p[0], q[0]));
                    f.lowerBounds = lo.stream().map(p -> p[0]).toArray();
                    f.lowerRules = lo.stream().mapToInt(p -> (Integer) p[1]).toArray();
                }
                List<Object[]> up = uppers.get(f);
                if (up != null) {
                    up.sort((p, q) -> Conditions.FieldCondition.compare(p[0], q[0]));
                    f.upperBounds = up.stream().map(p -> p[0]).toArray();
                    f.upperRules = up.stream().mapToInt(p -> (Integer) p[1]).toArray();
                }
            }
            fields = byField.values().toArray(FieldIndex[]::new);
        }

        int size() {
            return rules.length;
        }

        /** Every rule of the group as candidates. */
        long[] everyRule() {
            long[] bits = new long[words];
            for (int i = 0; i < rules.length; i++) {
                bits[i >>> 6] |= 1L << i;
            }
            return bits;
        }

        /** The candidates: rules that may hold for these values (a superset of those that do). */
        long[] candidates(Values values) {
            long[] bits = always.clone();
            for (Map.Entry<EntityKind, long[]> e : values.allKnown() ? Map.<EntityKind, long[]>of().entrySet()
                    : byKind.entrySet()) {
                if (!values.known(e.getKey())) {
                    long[] k = e.getValue();
                    for (int w = 0; w < words; w++) {
                        bits[w] |= k[w];
                    }
                }
            }
            for (FieldIndex f : fields) {
                Object value = values.get(f.slot);
                if (value == null) {
                    continue;   // every comparison with a missing value is false
                }
                if (!f.byValue.isEmpty()) {
                    if (value instanceof Set<?> tags) {
                        for (Object tag : tags) {
                            mark(bits, f.byValue.get(tag));
                        }
                    } else {
                        mark(bits, f.byValue.get(value instanceof BigDecimal d ? Facts.number(d) : value));
                    }
                }
                if (f.lowerBounds.length > 0) {
                    // Bounds at or below the value: a prefix.
                    int end = after(f.lowerBounds, value);
                    int[] r = f.lowerRules;
                    for (int i = 0; i < end; i++) {
                        bits[r[i] >>> 6] |= 1L << r[i];
                    }
                }
                if (f.upperBounds.length > 0) {
                    // Bounds at or above the value: a suffix.
                    int[] r = f.upperRules;
                    for (int i = from(f.upperBounds, value); i < r.length; i++) {
                        bits[r[i] >>> 6] |= 1L << r[i];
                    }
                }
            }
            return bits;
        }

        /** The rules whose conditions hold for the values, in order (the group must be compilable). */
        List<Rule> select(Values values) {
            long[] bits = candidates(values);
            List<Rule> out = null;
            for (int w = 0; w < words; w++) {
                long word = bits[w];
                while (word != 0) {
                    int i = (w << 6) + Long.numberOfTrailingZeros(word);
                    word &= word - 1;
                    if (groupTests[i].test(values)) {
                        if (out == null) {
                            out = new ArrayList<>(4);
                        }
                        out.add(rules[i]);
                    }
                }
            }
            return out == null ? List.of() : Collections.unmodifiableList(out);
        }

        int position(int local) {
            return positions[local];
        }
    }

    private static void mark(long[] bits, int @Nullable [] rules) {
        if (rules != null) {
            for (int r : rules) {
                bits[r >>> 6] |= 1L << r;
            }
        }
    }

    /** The number of bounds at or below the value. */
    private static int after(Object[] bounds, Object value) {
        int lo = 0;
        int hi = bounds.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (Conditions.FieldCondition.compare(bounds[mid], value) <= 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The index of the first bound at or above the value. */
    private static int from(Object[] bounds, Object value) {
        int lo = 0;
        int hi = bounds.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (Conditions.FieldCondition.compare(bounds[mid], value) < 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    static boolean has(long[] bits, int i) {
        return (bits[i >>> 6] & (1L << i)) != 0;
    }
}
