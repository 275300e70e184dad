package dev.rapport.crm.event;

import dev.rapport.crm.EntityId;
import dev.rapport.crm.activity.TaskId;
import dev.rapport.crm.directory.UserId;
import dev.rapport.crm.internal.Checks;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A task was created.
 *
 * <pre>{@code
 * crm.events().subscribe(TaskCreated.class, e -> System.out.println(e.subjects()));
 * }</pre>
 *
 * @param meta the event's id, tenant, time and actor
 * @param taskId the task
 * @param assignee who it is assigned to, or null
 */
public record TaskCreated(EventMeta meta, TaskId taskId, @Nullable UserId assignee) implements CrmEvent {
    /**
     * Validates the event.
     *
     * @param meta the event's id, tenant, time and actor
     * @param taskId the task
     * @param assignee who it is assigned to, or null
     * @throws dev.rapport.crm.CrmValidationException if a required part is missing
     */
    public TaskCreated {
        Checks.notNull(meta, "meta");
        Checks.notNull(taskId, "taskId");
    }

    @Override
    public List<EntityId> subjects() {
        return Subjects.of(taskId, assignee);
    }
}
