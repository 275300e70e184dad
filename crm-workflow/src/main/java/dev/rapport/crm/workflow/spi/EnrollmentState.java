package dev.rapport.crm.workflow.spi;

import dev.rapport.crm.TenantId;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The state of one enrollment of an entity (or of a trigger, for rules without a subject) in one
 * rule, as an {@link EnrollmentStore} keeps it: which rule version and trigger started it, whether
 * it is still running, and whether it is armed, that is whether the rule's condition has been
 * seen false since, so that a re-enrolling rule may enroll the entity again on the next match.
 * Immutable; a change makes a new state.
 *
 * <pre>{@code
 * EnrollmentState started = new EnrollmentState(tenant, "welcome", 3, "ContactId:c-42", "event-7", true, false);
 * EnrollmentState ended = started.withActive(false);
 * }</pre>
 *
 * @param tenantId the tenant
 * @param ruleId the rule's id
 * @param ruleVersion the version of the rule the enrollment started with
 * @param subject the enrolled entity as {@code Type:value} (entity ids only), or null for a rule
 *     that runs without a subject (a schedule)
 * @param triggerId the trigger that started the enrollment (an event id, a timer's trigger)
 * @param active whether the enrollment is running (its steps, waits or retries are not over)
 * @param armed whether the rule's condition was seen false since the enrollment started
 */
public record EnrollmentState(TenantId tenantId, String ruleId, int ruleVersion, @Nullable String subject,
        String triggerId, boolean active, boolean armed) {
    /**
     * Checks the state.
     *
     * @param tenantId the tenant
     * @param ruleId the rule's id
     * @param ruleVersion the rule version
     * @param subject the enrolled entity, or null
     * @param triggerId the trigger
     * @param active whether running
     * @param armed whether armed for the next edge
     */
    public EnrollmentState {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(triggerId, "triggerId");
    }

    /**
     * This state, running or not.
     *
     * @param value whether the enrollment is running
     * @return this state if it already says so, else a new one
     */
    public EnrollmentState withActive(boolean value) {
        return value == active ? this : new EnrollmentState(tenantId, ruleId, ruleVersion, subject, triggerId, value,
                armed);
    }

    /**
     * This state, armed or not.
     *
     * @param value whether the enrollment is armed for the next edge
     * @return this state if it already says so, else a new one
     */
    public EnrollmentState withArmed(boolean value) {
        return value == armed ? this : new EnrollmentState(tenantId, ruleId, ruleVersion, subject, triggerId, active,
                value);
    }
}
