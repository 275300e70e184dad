package dev.rapport.crm.jpa;

import dev.rapport.crm.EntityId;
import dev.rapport.crm.TenantId;
import dev.rapport.crm.activity.Task;
import dev.rapport.crm.activity.TaskId;
import dev.rapport.crm.activity.TaskPriority;
import dev.rapport.crm.activity.TaskStatus;
import dev.rapport.crm.activity.TaskStore;
import dev.rapport.crm.directory.UserId;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Tasks on {@link TaskEntity}, with the mapper between the two. */
final class JpaTaskStore extends JpaAggregateStore<TaskId, Task, TaskEntity> implements TaskStore {
    private static final List<String> OPEN = List.of(TaskStatus.OPEN.name(), TaskStatus.IN_PROGRESS.name());

    JpaTaskStore(JpaStoreTransaction tx) {
        super(tx, TaskEntity.class, "Task", "RapportTask");
    }

    @Override
    TaskEntity newEntity() {
        return new TaskEntity();
    }

    @Override
    void copy(Task t, TaskEntity e) {
        e.title = t.title();
        e.description = t.description();
        e.dueOn = t.dueOn();
        e.assigneeId = t.assigneeId().value();
        e.status = t.status().name();
        e.priority = t.priority().name();
        e.links = LinkColumns.of(t.links());
        e.completedAt = Values.columnOrNull(t.completedAt());
        e.completedAtNanos = Values.nanos(t.completedAt());
        e.customFields = Values.customFields(t.customFields());
        e.times(t.createdAt(), t.updatedAt());
    }

    @Override
    Task toDomain(TaskEntity e) {
        return new Task(TaskId.of(e.id), TenantId.of(e.tenantId), e.version, e.title, e.description, e.dueOn,
                UserId.of(e.assigneeId), TaskStatus.valueOf(e.status), TaskPriority.valueOf(e.priority),
                LinkColumns.toDomain(e.links), e.created(), e.updated(),
                Values.instantOrNull(e.completedAt, e.completedAtNanos), Values.customFields(e.customFields));
    }

    @Override
    public List<Task> findOpenByAssignee(UserId assigneeId) {
        return map(where("e.assigneeId = :assignee and e.status in :open")
                .setParameter("assignee", assigneeId.value())
                .setParameter("open", OPEN)
                .getResultList());
    }

    @Override
    public List<Task> findByLink(EntityId link) {
        @Nullable String column = LinkColumns.path(link);
        if (column == null) {
            return List.of();
        }
        return map(where(column + " = :link").setParameter("link", link.value()).getResultList());
    }
}
