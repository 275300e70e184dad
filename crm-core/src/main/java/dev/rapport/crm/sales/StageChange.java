package dev.rapport.crm.sales;

import dev.rapport.crm.Actor;
import dev.rapport.crm.internal.Checks;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One entry of an opportunity's stage history: the stage it left, the stage it entered, when
 * and by whom. The first entry of every history has no {@code from}: it is the stage the
 * opportunity was created in.
 *
 * <pre>{@code
 * for (StageChange change : opportunity.stageHistory()) {
 *     System.out.println(change.from() + " -> " + change.to() + " at " + change.at());
 * }
 * }</pre>
 *
 * @param from the key of the stage it left, or null for the creation entry
 * @param to the key of the stage it entered
 * @param at when
 * @param actor who moved it
 */
public record StageChange(@Nullable String from, String to, Instant at, Actor actor) {
    /**
     * Validates the entry.
     *
     * @param from the key of the stage it left, or null for the creation entry
     * @param to the key of the stage it entered
     * @param at when
     * @param actor who moved it
     * @throws dev.rapport.crm.CrmValidationException if a part is missing or a key is not a slug
     */
    public StageChange {
        if (from != null) {
            from = Stage.checkKey(from, "stageHistory.from");
        }
        to = Stage.checkKey(to, "stageHistory.to");
        Checks.notNull(at, "stageHistory.at");
        Checks.notNull(actor, "stageHistory.actor");
    }
}
