package dev.rapport.crm.workflow;

import dev.rapport.crm.event.CrmEvent;
import dev.rapport.crm.workflow.spi.ActionStep;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * One step of a rule: either work to do (an {@link ActionStep}) or a wait, after which the rule
 * continues with the next step. Build actions with {@link Actions}. Immutable.
 *
 * <pre>{@code
 * List<Action> steps = List.of(Actions.sendMessage("welcome"), Actions.waitFor(Duration.ofDays(3)),
 *     Actions.addTag("nurtured"));
 * }</pre>
 */
public final class Action {
    private final String type;
    private final String description;
    private final @Nullable ActionStep step;
    private final @Nullable Function<Instant, Instant> wait;
    private final @Nullable Resolver resolver;

    interface Resolver {
        Action resolve(Schema schema, EntityKind kind, String pointer);
    }

    private Action(String type, String description, @Nullable ActionStep step,
            @Nullable Function<Instant, Instant> wait, @Nullable Resolver resolver) {
        this.type = type;
        this.description = description;
        this.step = step;
        this.wait = wait;
        this.resolver = resolver;
    }

    static Action step(String type, String description, ActionStep step) {
        return new Action(type, description, Objects.requireNonNull(step, "step"), null, null);
    }

    static Action waiting(String description, Function<Instant, Instant> until) {
        return new Action("wait", description, null, until, null);
    }

    static Action unresolved(String type, String description, Resolver resolver) {
        return new Action(type, description, null, null, resolver);
    }

    Action resolve(Schema schema, EntityKind kind, String pointer) {
        return resolver == null ? this : resolver.resolve(schema, kind, pointer);
    }

    /**
     * The action's type, e.g. {@code addTag} or a custom type's name.
     *
     * @return the type
     */
    public String type() {
        return type;
    }

    /**
     * A short description for traces.
     *
     * @return the description
     */
    public String description() {
        return description;
    }

    /**
     * Whether this is a wait.
     *
     * @return true for a wait
     */
    public boolean isWait() {
        return wait != null;
    }

    /**
     * The event types this action may cause (for the cycle check).
     *
     * @return the event types
     */
    public Set<Class<? extends CrmEvent>> emits() {
        return step == null ? Set.of() : step.emits();
    }

    @Nullable ActionStep stepOrNull() {
        return step;
    }

    Instant waitUntil(Instant now) {
        return Objects.requireNonNull(wait).apply(now);
    }

    static Duration positive(Duration d) {
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException("a wait must be positive");
        }
        return d;
    }

    @Override
    public String toString() {
        return description;
    }
}
