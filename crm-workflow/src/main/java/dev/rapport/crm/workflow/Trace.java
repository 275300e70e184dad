package dev.rapport.crm.workflow;

import dev.rapport.crm.EntityId;
import dev.rapport.crm.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What happened when a rule was considered for a trigger: the outcome, each condition part's
 * result and each step's result. The engine keeps recent traces ({@link WorkflowEngine#traces()})
 * and passes each to the host's trace listener; a dry run returns them.
 *
 * <pre>{@code
 * for (Trace t : engine.dryRun(rules, history)) {
 *     System.out.println(t.ruleId() + " " + t.outcome() + " " + t.condition());
 * }
 * }</pre>
 *
 * @param ruleId the rule
 * @param ruleVersion the rule version
 * @param tenantId the tenant
 * @param triggerId the triggering event id, or the id of the timer-made trigger
 * @param subject the entity the rule was considered for, if any
 * @param at when (from the CRM's clock)
 * @param outcome what happened
 * @param condition the evaluation of the trigger's and rule's conditions (empty parts if none ran)
 * @param steps the steps run, skipped or planned
 */
public record Trace(String ruleId, int ruleVersion, TenantId tenantId, String triggerId, @Nullable EntityId subject,
        Instant at, Outcome outcome, Evaluation condition, List<StepTrace> steps) {
    /**
     * Validates the trace.
     *
     * @param ruleId the rule
     * @param ruleVersion the rule version
     * @param tenantId the tenant
     * @param triggerId the triggering event id, or the id of the timer-made trigger
     * @param subject the entity the rule was considered for, if any
     * @param at when (from the CRM's clock)
     * @param outcome what happened
     * @param condition the evaluation of the trigger's and rule's conditions (empty parts if none ran)
     * @param steps the steps run, skipped or planned
     */
    public Trace {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(outcome, "outcome");
        steps = List.copyOf(steps);
    }

    /** What happened to a rule for one trigger. */
    public enum Outcome {
        /** Enrolled, and every step ran (or had run before). */
        COMPLETED,
        /** Enrolled and paused at a wait. */
        WAITING,
        /** A step failed; a retry is scheduled. */
        RETRY_SCHEDULED,
        /** A step failed for the last time; the enrollment is in the dead letters. */
        DEAD_LETTERED,
        /** The goal was met; the enrollment ended (or never started). */
        GOAL_MET,
        /** The condition did not hold. */
        NOT_MATCHED,
        /** The property-change trigger saw no not-matching-to-matching edge. */
        NO_EDGE,
        /** The suppression condition held. */
        SUPPRESSED,
        /** The entity is already enrolled in this rule. */
        ALREADY_ENROLLED,
        /** The enrollment policy does not allow enrolling the entity again. */
        NOT_REENROLLED,
        /** The trigger was the rule's own change; rules never re-trigger themselves. */
        OWN_CHANGE,
        /** The cascade of rules triggering rules reached the depth limit; see the dead letters. */
        DEPTH_EXCEEDED,
        /** The rule is disabled. */
        DISABLED,
        /** Dry run: the rule would have enrolled the entity and run the listed steps. */
        WOULD_RUN
    }
}
