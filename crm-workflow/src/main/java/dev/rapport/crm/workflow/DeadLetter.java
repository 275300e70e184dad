package dev.rapport.crm.workflow;

import dev.rapport.crm.EntityId;
import dev.rapport.crm.TenantId;
import dev.rapport.crm.event.CrmEvent;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An enrollment that failed for good, with everything needed to understand and replay it
 * ({@link WorkflowEngine#replay(String)} runs it again from the failed step, with fresh attempts;
 * steps that had succeeded are not run again).
 *
 * <pre>{@code
 * for (DeadLetter d : engine.deadLetters()) {
 *     log.warn("rule {} step {} failed {} times: {}", d.ruleId(), d.step(), d.attempts(), d.failure().getClass());
 *     engine.replay(d.id());
 * }
 * }</pre>
 *
 * @param id the dead letter's id
 * @param tenantId the tenant
 * @param ruleId the rule
 * @param ruleVersion the rule version the enrollment ran
 * @param triggerId the trigger id
 * @param event the triggering event, if the failure happened while it was at hand
 * @param subject the entity, if any
 * @param step the index of the failed step, or -1 if the rule failed while being evaluated
 * @param action the failed action's description
 * @param attempts the attempts made
 * @param failure the last failure
 * @param failedAt when (from the CRM's clock)
 * @param chain the rules that led here, outermost first (cascades), ending with this rule
 */
public record DeadLetter(String id, TenantId tenantId, String ruleId, int ruleVersion, String triggerId,
        @Nullable CrmEvent event, @Nullable EntityId subject, int step, String action, int attempts,
        Throwable failure, Instant failedAt, List<String> chain) {
    /**
     * Validates the dead letter.
     *
     * @param id the dead letter's id
     * @param tenantId the tenant
     * @param ruleId the rule
     * @param ruleVersion the rule version the enrollment ran
     * @param triggerId the trigger id
     * @param event the triggering event, if the failure happened while it was at hand
     * @param subject the entity, if any
     * @param step the index of the failed step, or -1 if the rule failed while being evaluated
     * @param action the failed action's description
     * @param attempts the attempts made
     * @param failure the last failure
     * @param failedAt when (from the CRM's clock)
     * @param chain the rules that led here, outermost first (cascades), ending with this rule
     */
    public DeadLetter {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(failure, "failure");
        chain = List.copyOf(chain);
    }
}
