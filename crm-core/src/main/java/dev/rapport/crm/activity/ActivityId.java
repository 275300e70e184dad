package dev.rapport.crm.activity;

import dev.rapport.crm.EntityId;
import dev.rapport.crm.internal.Checks;

/**
 * The id of an activity on the timeline.
 *
 * <pre>{@code
 * ActivityId id = ActivityId.of("x-1");
 * }</pre>
 *
 * @param value the id, non-blank, at most 128 characters
 */
public record ActivityId(String value) implements EntityId {
    /**
     * Validates the id.
     *
     * @param value the id, non-blank, at most 128 characters
     * @throws dev.rapport.crm.CrmValidationException if it is blank or too long
     */
    public ActivityId {
        value = Checks.nonBlank(value, "activityId");
        Checks.maxLength(value, 128, "activityId");
    }

    /**
     * The id from its text.
     *
     * @param value the id
     * @return the typed id
     * @throws dev.rapport.crm.CrmValidationException if it is blank or too long
     */
    public static ActivityId of(String value) {
        return new ActivityId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
