package dev.rapport.crm.event;

import dev.rapport.crm.EntityId;
import dev.rapport.crm.activity.TaskId;
import dev.rapport.crm.internal.Checks;
import java.util.List;

/**
 * A task was cancelled: it will not be done.
 *
 * <pre>{@code
 * crm.events().subscribe(TaskCancelled.class, e -> System.out.println(e.taskId()));
 * }</pre>
 *
 * @param meta the event's id, tenant, time and actor
 * @param taskId the task
 */
public record TaskCancelled(EventMeta meta, TaskId taskId) implements CrmEvent {
    /**
     * Validates the event.
     *
     * @param meta the event's id, tenant, time and actor
     * @param taskId the task
     * @throws dev.rapport.crm.CrmValidationException if a required part is missing
     */
    public TaskCancelled {
        Checks.notNull(meta, "meta");
        Checks.notNull(taskId, "taskId");
    }

    @Override
    public List<EntityId> subjects() {
        return Subjects.of(taskId);
    }
}
