package dev.rapport.crm.activity;

import dev.rapport.crm.EntityId;
import dev.rapport.crm.directory.UserId;
import dev.rapport.crm.spi.AggregateStore;
import java.util.List;

/**
 * The store port for tasks, with the indexed look-ups the services need.
 *
 * <pre>{@code
 * List<Task> todo = tx.tasks().findOpenByAssignee(UserId.of("u-7"));
 * }</pre>
 */
public interface TaskStore extends AggregateStore<TaskId, Task> {
    /**
     * The open ({@link TaskStatus#OPEN} or {@link TaskStatus#IN_PROGRESS}) tasks of an assignee,
     * ordered by id.
     *
     * @param assigneeId the assignee
     * @return the tasks
     */
    List<Task> findOpenByAssignee(UserId assigneeId);

    /**
     * The tasks linked to a record, in any status, ordered by id.
     *
     * @param link a contact, account, opportunity or ticket id
     * @return the tasks
     */
    List<Task> findByLink(EntityId link);
}
