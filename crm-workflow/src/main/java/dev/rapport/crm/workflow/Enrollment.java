package dev.rapport.crm.workflow;

/**
 * How often a rule may enroll one entity. Whatever the policy, an entity is never enrolled twice
 * in one rule at the same time (a rule waiting or retrying for an entity keeps it enrolled).
 *
 * <pre>{@code
 * Rule.named("win-back").enrollment(Enrollment.RE_ENROLL)...
 * }</pre>
 */
public enum Enrollment {
    /** At most once per entity, ever (the default). */
    ONCE,
    /**
     * Again after the previous enrollment ended, but only on a new not-matching-to-matching edge:
     * the rule's condition must have been evaluated false for the entity since it last enrolled.
     */
    RE_ENROLL
}
