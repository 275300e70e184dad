package dev.rapport.crm.lifecycle;

import dev.rapport.crm.Actor;
import dev.rapport.crm.CrmValidationException;
import dev.rapport.crm.internal.Checks;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One recorded move of a lifecycle stage: forward, or an override (backward or sideways) that
 * must carry a reason.
 *
 * <pre>{@code
 * contact.lifecycleHistory().stream().filter(LifecycleTransition::override).toList();
 * }</pre>
 *
 * @param from the previous stage, or null for the first stage
 * @param to the new stage
 * @param at when it happened
 * @param actor who moved it
 * @param override whether the move needed an override
 * @param reason the override's reason; null for a forward move
 */
public record LifecycleTransition(@Nullable LifecycleStage from, LifecycleStage to, Instant at, Actor actor,
        boolean override, @Nullable String reason) {

    /**
     * Validates the transition.
     *
     * @param from the previous stage, or null for the first stage
     * @param to the new stage
     * @param at when it happened
     * @param actor who moved it
     * @param override whether the move needed an override
     * @param reason the override's reason; null for a forward move
     * @throws CrmValidationException if a part is missing, or an override has no reason, or a
     *     move that is not forward is not marked as an override
     */
    public LifecycleTransition {
        Checks.notNull(to, "lifecycleStage");
        Checks.notNull(at, "at");
        Checks.notNull(actor, "actor");
        reason = Checks.optional(reason);
        if (override && reason == null) {
            throw new CrmValidationException("reason", "is required to override a lifecycle stage");
        }
        if (!override && from != null && !from.canAdvanceTo(to)) {
            throw new CrmValidationException("lifecycleStage",
                    "cannot move from " + from + " back to " + to + " without an override");
        }
    }
}
