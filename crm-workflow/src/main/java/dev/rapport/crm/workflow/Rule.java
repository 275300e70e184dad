package dev.rapport.crm.workflow;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A workflow rule: an id and version, the entity kind it runs for, a trigger, a condition, ordered
 * actions, a priority, an enrollment policy, an enabled flag, and optionally a suppression
 * condition (the rule does not enroll an entity while it holds) and a goal condition (the
 * enrollment ends, remaining steps skipped, as soon as it holds). Immutable and thread-safe.
 *
 * <pre>{@code
 * Rule welcome = Rule.named("welcome-new-contacts").version(1)
 *     .when(Triggers.event(ContactCreated.class))
 *     .ifCondition(Conditions.field(EntityKind.CONTACT, "email", Operator.EXISTS, null))
 *     .then(Actions.sendMessage("welcome"), Actions.waitFor(Duration.ofDays(3)), Actions.addTag("welcomed"))
 *     .priority(10)
 *     .build();
 * }</pre>
 */
public final class Rule {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    private final String id;
    private final int version;
    private final EntityKind kind;
    private final Trigger trigger;
    private final Condition condition;
    private final List<Action> actions;
    private final int priority;
    private final Enrollment enrollment;
    private final boolean enabled;
    private final @Nullable Condition suppression;
    private final @Nullable Condition goal;

    private Rule(Builder b, Trigger trigger, List<Action> actions) {
        this.id = b.id;
        this.version = b.version == null ? 1 : b.version;
        this.kind = b.kind == null ? EntityKind.CONTACT : b.kind;
        this.trigger = trigger;
        this.condition = b.condition == null ? Conditions.always() : b.condition;
        this.actions = List.copyOf(actions);
        this.priority = b.priority == null ? 0 : b.priority;
        this.enrollment = b.enrollment == null ? Enrollment.ONCE : b.enrollment;
        this.enabled = b.enabled == null || b.enabled;
        this.suppression = b.suppression;
        this.goal = b.goal;
    }

    /**
     * Starts a rule.
     *
     * @param id the id: letters, digits, '.', '_' or '-', at most 100 characters
     * @return the builder
     * @throws IllegalArgumentException if the id is not valid
     */
    public static Builder named(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("a rule id is 1-100 letters, digits, '.', '_' or '-'");
        }
        return new Builder(id);
    }

    /**
     * The id.
     *
     * @return the id
     */
    public String id() {
        return id;
    }

    /**
     * The version; enrollments keep the version they started with.
     *
     * @return the version, at least 1
     */
    public int version() {
        return version;
    }

    /**
     * The entity kind the rule runs for.
     *
     * @return the kind
     */
    public EntityKind kind() {
        return kind;
    }

    /**
     * The trigger.
     *
     * @return the trigger
     */
    public Trigger trigger() {
        return trigger;
    }

    /**
     * The condition checked when the trigger fires.
     *
     * @return the condition
     */
    public Condition condition() {
        return condition;
    }

    /**
     * The actions, in order.
     *
     * @return the actions
     */
    public List<Action> actions() {
        return actions;
    }

    /**
     * The priority: higher runs first; ties run in rule id order.
     *
     * @return the priority
     */
    public int priority() {
        return priority;
    }

    /**
     * The enrollment policy.
     *
     * @return the policy
     */
    public Enrollment enrollment() {
        return enrollment;
    }

    /**
     * Whether the rule runs.
     *
     * @return true if enabled
     */
    public boolean enabled() {
        return enabled;
    }

    /**
     * The suppression condition, if any.
     *
     * @return the condition, or null
     */
    public @Nullable Condition suppression() {
        return suppression;
    }

    /**
     * The goal condition, if any.
     *
     * @return the condition, or null
     */
    public @Nullable Condition goal() {
        return goal;
    }

    @Override
    public String toString() {
        return "Rule[" + id + " v" + version + "]";
    }

    /**
     * Builds a {@link Rule}. Each setting may be given once (a second call fails, naming it);
     * {@link #build()} checks the rule against its schema.
     *
     * <pre>{@code
     * Rule r = Rule.named("vip-accounts").on(EntityKind.ACCOUNT)
     *     .when(Triggers.propertyChange(Conditions.field(EntityKind.ACCOUNT, "employees", Operator.GE, 1000)))
     *     .then(Actions.addTag("vip"))
     *     .build();
     * }</pre>
     */
    public static final class Builder {
        private final String id;
        private @Nullable Integer version;
        private @Nullable EntityKind kind;
        private @Nullable Schema schema;
        private @Nullable Trigger trigger;
        private @Nullable Condition condition;
        private @Nullable List<Action> actions;
        private @Nullable Integer priority;
        private @Nullable Enrollment enrollment;
        private @Nullable Boolean enabled;
        private @Nullable Condition suppression;
        private @Nullable Condition goal;

        private Builder(String id) {
            this.id = id;
        }

        private static void once(@Nullable Object current, String name) {
            if (current != null) {
                throw new IllegalStateException(name + " was already set");
            }
        }

        /**
         * The version (default 1).
         *
         * @param value the version, at least 1
         * @return this builder
         * @throws IllegalArgumentException if below 1
         * @throws IllegalStateException if already set
         */
        public Builder version(int value) {
            once(version, "version");
            if (value < 1) {
                throw new IllegalArgumentException("version must be at least 1");
            }
            version = value;
            return this;
        }

        /**
         * The entity kind (default {@link EntityKind#CONTACT}).
         *
         * @param value the kind
         * @return this builder
         * @throws IllegalStateException if already set
         */
        public Builder on(EntityKind value) {
            once(kind, "entity kind");
            kind = Objects.requireNonNull(value, "kind");
            return this;
        }

        /**
         * The schema fields named by actions and date triggers are checked against
         * (default {@link Schema#standard()}).
         *
         * @param value the schema
         * @return this builder
         * @throws IllegalStateException if already set
         */
        public Builder schema(Schema value) {
            once(schema, "schema");
            schema = Objects.requireNonNull(value, "schema");
            return this;
        }

        /**
         * The trigger (required).
         *
         * @param value the trigger
         * @return this builder
         * @throws IllegalStateException if already set
         */
        public Builder when(Trigger value) {
            once(trigger, "trigger");
            trigger = Objects.requireNonNull(value, "trigger");
            return this;
        }

        /**
         * The condition (default: always).
         *
         * @param value the condition
         * @return this builder
         * @throws IllegalStateException if already set
         */
        public Builder ifCondition(Condition value) {
            once(condition, "condition");
            condition = Objects.requireNonNull(value, "condition");
            return this;
        }

        /**
         * The actions, in order (at least one).
         *
         * @param values the actions
         * @return this builder
         * @throws IllegalStateException if already set
         */
        public Builder then(Action... values) {
            return then(List.of(values));
        }

        /**
         * The actions, in order (at least one).
         *
         * @param values the actions
         * @return this builder
         * @throws IllegalStateException if already set
         */
        public Builder then(List<Action> values) {
            once(actions, "actions");
            actions = List.copyOf(values);
            return this;
        }

        /**
         * The priority (default 0): higher runs first.
         *
         * @param value the priority
         * @return this builder
         * @throws IllegalStateException if already set
         */
        public Builder priority(int value) {
            once(priority, "priority");
            priority = value;
            return this;
        }

        /**
         * The enrollment policy (default {@link Enrollment#ONCE}).
         *
         * @param value the policy
         * @return this builder
         * @throws IllegalStateException if already set
         */
        public Builder enrollment(Enrollment value) {
            once(enrollment, "enrollment");
            enrollment = Objects.requireNonNull(value, "enrollment");
            return this;
        }

        /**
         * Whether the rule runs (default true).
         *
         * @param value the flag
         * @return this builder
         * @throws IllegalStateException if already set
         */
        public Builder enabled(boolean value) {
            once(enabled, "enabled");
            enabled = value;
            return this;
        }

        /**
         * A condition that keeps the rule from enrolling an entity while it holds.
         *
         * @param value the condition
         * @return this builder
         * @throws IllegalStateException if already set
         */
        public Builder suppressWhen(Condition value) {
            once(suppression, "suppression");
            suppression = Objects.requireNonNull(value, "suppression");
            return this;
        }

        /**
         * A goal: once it holds, the enrollment ends and the remaining steps are skipped; an entity
         * that already meets it is not enrolled.
         *
         * @param value the condition
         * @return this builder
         * @throws IllegalStateException if already set
         */
        public Builder goal(Condition value) {
            once(goal, "goal");
            goal = Objects.requireNonNull(value, "goal");
            return this;
        }

        /**
         * Builds the rule, checking fields named by actions and date triggers.
         *
         * @return the rule
         * @throws RuleDefinitionException if the trigger or actions are missing or name a field
         *     that does not exist or has the wrong type
         */
        public Rule build() {
            return build("");
        }

        Rule build(String pointer) {
            if (trigger == null) {
                throw new RuleDefinitionException(pointer + "/trigger", "a rule needs a trigger");
            }
            if (actions == null || actions.isEmpty()) {
                throw new RuleDefinitionException(pointer + "/actions", "a rule needs at least one action");
            }
            Schema s = schema == null ? Schema.standard() : schema;
            EntityKind k = kind == null ? EntityKind.CONTACT : kind;
            Trigger t = trigger instanceof Triggers.DateOffset d ? d.resolve(s, k, pointer + "/trigger/dateOffset")
                    : trigger;
            if (t instanceof Triggers.SegmentChange sc && sc.segment.kind() != k) {
                throw new RuleDefinitionException(pointer + "/trigger", "segment '" + sc.segment.name() + "' is of "
                        + sc.segment.kind().jsonName() + ", the rule of " + k.jsonName());
            }
            List<Action> resolved = new ArrayList<>();
            for (int i = 0; i < actions.size(); i++) {
                resolved.add(actions.get(i).resolve(s, k, pointer + "/actions/" + i));
            }
            return new Rule(this, t, resolved);
        }
    }
}
