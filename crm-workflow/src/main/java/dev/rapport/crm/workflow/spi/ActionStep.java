package dev.rapport.crm.workflow.spi;

import dev.rapport.crm.event.CrmEvent;
import java.util.Set;

/**
 * One executable step of a rule. The engine runs a step at most once per rule version,
 * triggering event and step index (see {@link IdempotencyLedger}); a step that throws is retried
 * with back-off and finally dead-lettered, so it should be safe to run again after a failure.
 *
 * <pre>{@code
 * ActionStep step = context -> {
 *     erp.flagCustomer(context.subject().value());
 *     return "flagged";
 * };
 * }</pre>
 */
@FunctionalInterface
public interface ActionStep {
    /**
     * Runs the step.
     *
     * @param context what the step may use
     * @return a short description of what was done, for the trace (no personal data)
     * @throws Exception if the step failed; the engine retries it
     */
    String run(ActionContext context) throws Exception;

    /**
     * The event types this step may cause, used by the static check of a rule set to find
     * cycles between rules. Default: none.
     *
     * @return the event types
     */
    default Set<Class<? extends CrmEvent>> emits() {
        return Set.of();
    }
}
