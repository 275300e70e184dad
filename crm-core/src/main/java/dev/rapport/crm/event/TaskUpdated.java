package dev.rapport.crm.event;

import dev.rapport.crm.EntityId;
import dev.rapport.crm.internal.Checks;
import dev.rapport.crm.activity.TaskId;
import java.util.List;
import java.util.Set;

/**
 * A task changed: its details, its assignee or its status (other than completion and cancellation, which have their own events).
 *
 * <pre>{@code
 * crm.events().subscribe(TaskUpdated.class, e -> System.out.println(e.changedFields()));
 * }</pre>
 *
 * @param meta the event's id, tenant, time and actor
 * @param taskId the task
 * @param changedFields the names of the fields that changed
 */
public record TaskUpdated(EventMeta meta, TaskId taskId, Set<String> changedFields) implements CrmEvent {
    /**
     * Validates the event.
     *
     * @param meta the event's id, tenant, time and actor
     * @param taskId the task
     * @param changedFields the names of the fields that changed
     * @throws dev.rapport.crm.CrmValidationException if a required part is missing
     */
    public TaskUpdated {
        Checks.notNull(meta, "meta");
        Checks.notNull(taskId, "taskId");
        changedFields = Set.copyOf(Checks.notNull(changedFields, "changedFields"));
    }

    @Override
    public List<EntityId> subjects() {
        return Subjects.of(taskId);
    }
}
