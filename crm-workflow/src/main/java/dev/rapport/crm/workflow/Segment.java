package dev.rapport.crm.workflow;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A dynamic segment: the entities of one kind that meet a condition (the same condition language
 * as rules), kept current by the engine from create and change events, and usable as a trigger
 * when an entity enters or leaves it ({@link Triggers#entered(Segment)},
 * {@link Triggers#left(Segment)}). Records that existed before the segment was in the rules join
 * it through {@link WorkflowEngine#populateSegments}. Static lists are tags
 * ({@link Actions#addTag(String)}).
 *
 * <pre>{@code
 * Segment bigAccounts = Segment.dynamic("big-accounts", EntityKind.ACCOUNT,
 *     Conditions.field(EntityKind.ACCOUNT, "employees", Operator.GE, 1000));
 * Rule r = Rule.named("welcome-big").on(EntityKind.ACCOUNT).when(Triggers.entered(bigAccounts))
 *     .then(Actions.addTag("key-account")).build();
 * Set<EntityId> members = engine.segmentMembers(crm.tenant(), "big-accounts");
 * }</pre>
 */
public final class Segment {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    private final String name;
    private final EntityKind kind;
    private final Condition condition;

    private Segment(String name, EntityKind kind, Condition condition) {
        this.name = name;
        this.kind = kind;
        this.condition = condition;
    }

    /**
     * A dynamic segment.
     *
     * @param name the name: letters, digits, '.', '_' or '-'
     * @param kind the entity kind
     * @param condition the membership condition
     * @return the segment
     * @throws IllegalArgumentException if the name is not valid
     */
    public static Segment dynamic(String name, EntityKind kind, Condition condition) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a segment name is 1-100 letters, digits, '.', '_' or '-'");
        }
        return new Segment(name, Objects.requireNonNull(kind, "kind"), Objects.requireNonNull(condition, "condition"));
    }

    /**
     * The name.
     *
     * @return the name
     */
    public String name() {
        return name;
    }

    /**
     * The entity kind.
     *
     * @return the kind
     */
    public EntityKind kind() {
        return kind;
    }

    /**
     * The membership condition.
     *
     * @return the condition
     */
    public Condition condition() {
        return condition;
    }

    @Override
    public String toString() {
        return "Segment[" + name + "]";
    }
}
