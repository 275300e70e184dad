package dev.rapport.crm.memory;

import dev.rapport.crm.EntityId;
import dev.rapport.crm.TenantId;
import dev.rapport.crm.activity.Task;
import dev.rapport.crm.activity.TaskId;
import dev.rapport.crm.activity.TaskStore;
import dev.rapport.crm.directory.UserId;
import java.util.List;

final class MemoryTaskStore extends TableTx<TaskId, Task> implements TaskStore {
    static final IndexDef<Task> BY_OPEN_ASSIGNEE =
            IndexDef.single("openAssignee", t -> t.status().isOpen() ? t.assigneeId() : null);
    static final IndexDef<Task> BY_LINK = IndexDef.multi("link", t -> t.links().ids());
    static final TableDef<TaskId, Task> DEF = TableDef.of("Task", List.of(BY_OPEN_ASSIGNEE, BY_LINK));

    MemoryTaskStore(Table<TaskId, Task> table, TenantId tenant, boolean readOnly) {
        super(table, tenant, readOnly);
    }

    @Override
    public List<Task> findOpenByAssignee(UserId assigneeId) {
        return lookup(BY_OPEN_ASSIGNEE, assigneeId);
    }

    @Override
    public List<Task> findByLink(EntityId link) {
        return lookup(BY_LINK, link);
    }
}
