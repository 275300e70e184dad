package dev.rapport.crm.workflow;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * An immutable set of rules in their deterministic order: higher priority first, then by rule id.
 * Swap the engine's rules atomically with {@link WorkflowEngine#replaceRules(RuleSet)}.
 *
 * <pre>{@code
 * RuleSet rules = RuleSet.of(List.of(welcome, renewalAlert));
 * RuleSetCheck check = rules.check();
 * if (check.ok()) {
 *     engine.replaceRules(rules);
 * }
 * }</pre>
 */
public final class RuleSet {
    /** The deterministic order: priority descending, then id. */
    static final Comparator<Rule> ORDER = Comparator.comparingInt(Rule::priority).reversed()
            .thenComparing(Rule::id);

    private static final RuleSet EMPTY = new RuleSet(List.of());

    private final List<Rule> rules;
    /** The index, built on first use (a race only builds it twice). */
    private volatile @Nullable RuleIndex index;

    private RuleSet(List<Rule> rules) {
        this.rules = rules;
    }

    RuleIndex index() {
        RuleIndex i = index;
        if (i == null) {
            i = RuleIndex.of(this);
            index = i;
        }
        return i;
    }

    /**
     * The empty rule set.
     *
     * @return the set
     */
    public static RuleSet empty() {
        return EMPTY;
    }

    /**
     * A rule set.
     *
     * @param rules the rules, with distinct ids
     * @return the set
     * @throws RuleDefinitionException if two rules share an id (pointer {@code /rules/<i>/id})
     */
    public static RuleSet of(List<Rule> rules) {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < rules.size(); i++) {
            if (!ids.add(rules.get(i).id())) {
                throw new RuleDefinitionException("/rules/" + i + "/id", "duplicate rule id '" + rules.get(i).id()
                        + "'");
            }
        }
        List<Rule> sorted = new ArrayList<>(rules);
        sorted.sort(ORDER);
        return new RuleSet(List.copyOf(sorted));
    }

    /**
     * The rules in evaluation order.
     *
     * @return the rules
     */
    public List<Rule> rules() {
        return rules;
    }

    /**
     * A rule by id.
     *
     * @param id the id
     * @return the rule, if present
     */
    public Optional<Rule> find(String id) {
        return rules.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    /**
     * Checks the set statically before activation: finds cycles where one rule's actions cause
     * events that trigger another, whose actions trigger the first (directly or through more
     * rules). A rule re-triggering only itself is not reported: the engine never lets a rule's
     * own changes trigger it.
     *
     * @return the report
     */
    public RuleSetCheck check() {
        return RuleSetCheck.of(this);
    }
}
