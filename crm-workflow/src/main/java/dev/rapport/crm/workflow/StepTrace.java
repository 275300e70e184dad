package dev.rapport.crm.workflow;

import java.util.Objects;

/**
 * The result of one step in a {@link Trace}.
 *
 * <pre>{@code
 * trace.steps().forEach(s -> System.out.println(s.index() + " " + s.action() + " " + s.outcome()));
 * }</pre>
 *
 * @param index the step index in the rule
 * @param action the action's description
 * @param outcome what happened
 * @param detail what the step reported, or the failure's type
 */
public record StepTrace(int index, String action, Outcome outcome, String detail) {
    /**
     * Validates the step trace.
     *
     * @param index the step index in the rule
     * @param action the action's description
     * @param outcome what happened
     * @param detail what the step reported, or the failure's type
     */
    public StepTrace {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(detail, "detail");
    }

    /** What happened to a step. */
    public enum Outcome {
        /** It ran. */
        DONE,
        /** It had run before for the same rule version, trigger and step (idempotency). */
        ALREADY_DONE,
        /** It failed. */
        FAILED,
        /** A wait: a timer was set. */
        WAITING,
        /** Dry run: it would run. */
        WOULD_RUN
    }
}
