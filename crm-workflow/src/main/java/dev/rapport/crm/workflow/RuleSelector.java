package dev.rapport.crm.workflow;

import dev.rapport.crm.event.CrmEvent;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Selects the rules an event triggers, through an index instead of evaluating every rule: rules
 * are grouped by the event type of their trigger, and within a type filed by their equality,
 * {@code in}, tag and range comparisons, so an event only looks at the rules that can match it.
 * The selection equals evaluating every rule's trigger and condition over the facts. Compile one
 * selector per {@link RuleSet} and share it: it is immutable and thread-safe. The
 * {@link WorkflowEngine} uses the same index for the events it receives.
 *
 * <p>Selected are the enabled rules with an event trigger ({@link Triggers#event}) of the given
 * type (or a supertype), whose condition holds over the {@link Facts}; the result is in the
 * deterministic order, priority descending then rule id. Rules with other triggers (property
 * change, inactivity, date offset, schedule, segment) are not selected by events here. Missing
 * values mean what they mean everywhere: a comparison with a missing value is false ({@code !=}
 * included), {@code exists} is false, {@code not} inverts.
 *
 * <pre>{@code
 * RuleSet rules = JsonRules.parser().parse(json);
 * RuleSelector selector = RuleSelector.of(rules);
 * Facts facts = Facts.builder().put("lifecycleStage", "LEAD").put("tags", Set.of("vip")).build();
 * List<Rule> hits = selector.select("ContactUpdated", facts);
 * }</pre>
 */
public final class RuleSelector {
    private final RuleIndex index;
    /** The group of each event type name. */
    private final Map<String, RuleIndex.Group> byName = new HashMap<>();

    private RuleSelector(RuleIndex index) {
        this.index = index;
        RuleIndex.eventTypes().forEach((name, type) -> byName.put(name, index.group(type)));
    }

    /**
     * Compiles the selector of a rule set.
     *
     * @param rules the rules
     * @return the selector
     * @throws RuleDefinitionException if an enabled event-triggered rule cannot be checked over
     *     facts: its condition has a Java predicate or its trigger a Java event filter (rules
     *     loaded from JSON never do); the pointer is {@code /rules/<i>/...} with {@code i} the
     *     rule's position in {@link RuleSet#rules()}
     */
    public static RuleSelector of(RuleSet rules) {
        RuleIndex index = Objects.requireNonNull(rules, "rules").index();
        Map<Integer, String> refused = index.notCompilable();
        if (!refused.isEmpty()) {
            String first = refused.values().iterator().next();
            int colon = first.indexOf(": ");
            throw new RuleDefinitionException(first.substring(0, colon), first.substring(colon + 2));
        }
        return new RuleSelector(index);
    }

    /**
     * The rule set the selector was compiled from.
     *
     * @return the rules
     */
    public RuleSet rules() {
        return index.set();
    }

    /**
     * The rules an event of a type selects.
     *
     * @param eventType the event type's name as JSON rules write it, e.g. {@code "ContactUpdated"}
     * @param facts the field values of the entity
     * @return the selected rules, priority descending then id; empty if none
     * @throws IllegalArgumentException if there is no such event type, or a fact a rule compares
     *     has the wrong type for its field (naming the path)
     */
    public List<Rule> select(String eventType, Facts facts) {
        RuleIndex.Group group = byName.get(Objects.requireNonNull(eventType, "eventType"));
        if (group == null) {
            throw new IllegalArgumentException("unknown event type '" + eventType + "' (known: "
                    + RuleIndex.eventTypes().keySet() + ")");
        }
        return group.select(new FactValues(index, Objects.requireNonNull(facts, "facts")));
    }

    /**
     * The rules an event of a type selects.
     *
     * @param eventType the event type
     * @param facts the field values of the entity
     * @return the selected rules, priority descending then id; empty if none
     * @throws IllegalArgumentException if a fact a rule compares has the wrong type for its field
     *     (naming the path)
     */
    public List<Rule> select(Class<? extends CrmEvent> eventType, Facts facts) {
        Objects.requireNonNull(facts, "facts");
        return index.group(Objects.requireNonNull(eventType, "eventType")).select(new FactValues(index, facts));
    }

    @Override
    public String toString() {
        return "RuleSelector[" + index.set().rules().size() + " rules]";
    }

    /** Values read from facts by path. */
    private static final class FactValues extends RuleIndex.Values {
        private final Facts facts;

        FactValues(RuleIndex index, Facts facts) {
            super(index);
            this.facts = facts;
        }

        @Override
        @Nullable Object read(RuleIndex.Slot slot) {
            return facts.value(slot.path());
        }

        @Override
        boolean known(EntityKind kind) {
            return true;
        }

        @Override
        boolean allKnown() {
            return true;
        }

        @Override
        @Nullable Instant now() {
            return facts.now();
        }

        @Override
        boolean changed(FieldSpec spec) {
            Set<String> changed = facts.changed();
            return changed == null || changed.contains(spec.path());
        }
    }
}
