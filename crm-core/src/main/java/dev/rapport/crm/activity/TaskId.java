package dev.rapport.crm.activity;

import dev.rapport.crm.EntityId;
import dev.rapport.crm.internal.Checks;

/**
 * The id of a task.
 *
 * <pre>{@code
 * TaskId id = TaskId.of("x-1");
 * }</pre>
 *
 * @param value the id, non-blank, at most 128 characters
 */
public record TaskId(String value) implements EntityId {
    /**
     * Validates the id.
     *
     * @param value the id, non-blank, at most 128 characters
     * @throws dev.rapport.crm.CrmValidationException if it is blank or too long
     */
    public TaskId {
        value = Checks.nonBlank(value, "taskId");
        Checks.maxLength(value, 128, "taskId");
    }

    /**
     * The id from its text.
     *
     * @param value the id
     * @return the typed id
     * @throws dev.rapport.crm.CrmValidationException if it is blank or too long
     */
    public static TaskId of(String value) {
        return new TaskId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
