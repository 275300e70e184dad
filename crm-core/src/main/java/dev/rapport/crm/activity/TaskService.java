package dev.rapport.crm.activity;

import dev.rapport.crm.internal.CustomFieldValidation;
import dev.rapport.crm.field.EntityType;
import dev.rapport.crm.Actor;
import dev.rapport.crm.CrmConflictException;
import dev.rapport.crm.CrmNotFoundException;
import dev.rapport.crm.CrmValidationException;
import dev.rapport.crm.EntityId;
import dev.rapport.crm.directory.UserId;
import dev.rapport.crm.event.TaskCancelled;
import dev.rapport.crm.event.TaskCompleted;
import dev.rapport.crm.event.TaskCreated;
import dev.rapport.crm.event.TaskUpdated;
import dev.rapport.crm.internal.Checks;
import dev.rapport.crm.internal.Diff;
import dev.rapport.crm.internal.Owners;
import dev.rapport.crm.internal.ServiceContext;
import dev.rapport.crm.internal.UnitOfWork;
import dev.rapport.crm.party.AccountId;
import dev.rapport.crm.party.ContactId;
import dev.rapport.crm.sales.OpportunityId;
import dev.rapport.crm.service.TicketId;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Tasks of one tenant: create, start, complete, cancel, reassign, update, and the look-ups a
 * to-do list needs. "Today" is the date of the injected clock in the clock's zone, so a host
 * sets its business time zone on the clock it gives Rapport.
 *
 * <p>Assignees must be active users of the directory. Linked contacts, accounts, opportunities
 * and tickets must exist.
 *
 * <pre>{@code
 * Task t = crm.tasks().create(NewTask.titled("Send the quote").assignee(bob).dueOn(friday));
 * crm.tasks().overdue(bob);   // once Friday has passed and the task is still open
 * crm.tasks().complete(t.id());
 * }</pre>
 */
public final class TaskService {
    private static final Set<String> EDITABLE = Set.of("title", "description", "dueOn", "priority", "links", "customFields");
    private static final Comparator<Task> BY_DUE_DATE = Comparator
            .comparing(Task::dueOn, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(t -> t.id().value());

    private final ServiceContext context;

    /**
     * Creates the service. Hosts get it from {@code crm.tasks()}.
     *
     * @param context the service context
     */
    public TaskService(ServiceContext context) {
        this.context = context;
    }

    /**
     * Creates an open task.
     *
     * @param command what to do
     * @return the stored task, at version 1
     * @throws CrmValidationException naming {@code assigneeId} if the assignee is missing, unknown
     *     or inactive, or {@code contactId}, {@code accountId}, {@code opportunityId} or
     *     {@code ticketId} if a linked record does not exist
     */
    public Task create(NewTask command) {
        Checks.notNull(command, "command");
        return context.write(uow -> {
            CustomFieldValidation.check(uow, EntityType.TASK, command.customFields());
            UserId assignee = command.assigneeId();
            if (assignee == null) {
                if (uow.actor().kind() != Actor.Kind.USER) {
                    throw new CrmValidationException("assigneeId", "is required when the command is not run by a user");
                }
                assignee = UserId.of(uow.actor().id());
            }
            Owners.check(context, assignee, "assigneeId");
            ActivityService.requireLinksExist(uow, command.links());
            Task task = new Task(TaskId.of(uow.newId("task")), uow.tenant(), 1, command.title(),
                    command.description(), command.dueOn(), assignee, TaskStatus.OPEN, command.priority(),
                    command.links(), uow.now(), uow.now(), null, command.customFields());
            uow.tx().tasks().insert(task);
            uow.emit(new TaskCreated(uow.meta(), task.id(), assignee));
            return task;
        });
    }

    /**
     * Starts work on a task ({@code OPEN → IN_PROGRESS}).
     *
     * @param id the task
     * @return the stored task
     * @throws CrmValidationException naming {@code status} if the task is not open
     * @throws CrmNotFoundException if it does not exist
     */
    public Task start(TaskId id) {
        return move(id, TaskStatus.IN_PROGRESS);
    }

    /**
     * Puts a task in progress back to open ({@code IN_PROGRESS → OPEN}).
     *
     * @param id the task
     * @return the stored task
     * @throws CrmValidationException naming {@code status} if the task is not in progress
     * @throws CrmNotFoundException if it does not exist
     */
    public Task stop(TaskId id) {
        return move(id, TaskStatus.OPEN);
    }

    /**
     * Completes a task: {@link TaskStatus#DONE}, with {@link Task#completedAt()} set to now.
     *
     * @param id the task
     * @return the stored task
     * @throws CrmValidationException naming {@code status} if it is already done or cancelled
     * @throws CrmNotFoundException if it does not exist
     */
    public Task complete(TaskId id) {
        return move(id, TaskStatus.DONE);
    }

    /**
     * Cancels a task: it will not be done.
     *
     * @param id the task
     * @return the stored task
     * @throws CrmValidationException naming {@code status} if it is already done or cancelled
     * @throws CrmNotFoundException if it does not exist
     */
    public Task cancel(TaskId id) {
        return move(id, TaskStatus.CANCELLED);
    }

    private Task move(TaskId id, TaskStatus target) {
        return context.write(uow -> {
            Task current = get(uow, id);
            if (!current.status().canMoveTo(target)) {
                throw new CrmValidationException("status",
                        "cannot move from " + current.status() + " to " + target);
            }
            Task next = current.withStatus(target, target == TaskStatus.DONE ? uow.now() : null)
                    .stored(current.version() + 1, uow.now());
            uow.tx().tasks().update(next);
            switch (target) {
                case DONE -> uow.emit(new TaskCompleted(uow.meta(), next.id()));
                case CANCELLED -> uow.emit(new TaskCancelled(uow.meta(), next.id()));
                default -> uow.emit(new TaskUpdated(uow.meta(), next.id(), Set.of("status")));
            }
            return next;
        });
    }

    /**
     * Gives an open task to another user.
     *
     * @param id the task
     * @param assignee the new assignee
     * @return the stored task (unchanged if it is already the assignee's)
     * @throws CrmValidationException naming {@code assigneeId} if the user is unknown or inactive,
     *     or {@code status} if the task is done or cancelled
     * @throws CrmNotFoundException if it does not exist
     */
    public Task reassign(TaskId id, UserId assignee) {
        Checks.notNull(assignee, "assigneeId");
        return context.write(uow -> {
            Task current = get(uow, id);
            if (current.assigneeId().equals(assignee)) {
                return current;
            }
            if (!current.status().isOpen()) {
                throw new CrmValidationException("status", "a done or cancelled task cannot be reassigned");
            }
            Owners.check(context, assignee, "assigneeId");
            Task next = current.withAssignee(assignee).stored(current.version() + 1, uow.now());
            uow.tx().tasks().update(next);
            uow.emit(new TaskUpdated(uow.meta(), next.id(), Set.of("assigneeId")));
            return next;
        });
    }

    /**
     * Stores a changed task: its title, description, due date, priority or links. The status
     * changes only through {@link #start}, {@link #stop}, {@link #complete} and {@link #cancel},
     * the assignee only through {@link #reassign}.
     *
     * @param edited the task with its changes, at the version it was read
     * @return the stored task, at the next version (or unchanged if nothing changed)
     * @throws CrmConflictException if the task was changed since it was read
     * @throws CrmNotFoundException if it does not exist
     * @throws CrmValidationException naming the field if another field was changed or a linked
     *     record does not exist
     */
    public Task update(Task edited) {
        Checks.notNull(edited, "task");
        return context.write(uow -> {
            Task current = get(uow, edited.id());
            if (current.version() != edited.version()) {
                throw new CrmConflictException("Task", edited.id().value(), edited.version(), current.version());
            }
            CustomFieldValidation.checkUpdate(uow, EntityType.TASK, current.customFields(), edited.customFields());
            Set<String> changed = Diff.changed(current, edited, Diff.BOOKKEEPING);
            String refused = Diff.firstNotAllowed(changed, EDITABLE);
            if (refused != null) {
                throw new CrmValidationException(refused, "cannot be changed by an update");
            }
            if (changed.isEmpty()) {
                return current;
            }
            if (changed.contains("links")) {
                ActivityService.requireLinksExist(uow, edited.links());
            }
            Task next = current.withDetails(edited.title(), edited.description()).withDueOn(edited.dueOn())
                    .withPriority(edited.priority()).withLinks(edited.links())
                    .withCustomFields(edited.customFields())
                    .stored(current.version() + 1, uow.now());
            uow.tx().tasks().update(next);
            uow.emit(new TaskUpdated(uow.meta(), next.id(), changed));
            return next;
        });
    }

    /**
     * A task by id.
     *
     * @param id the id
     * @return the task
     * @throws CrmNotFoundException if it does not exist in this tenant
     */
    public Task get(TaskId id) {
        return find(id).orElseThrow(() -> new CrmNotFoundException("Task", id.value()));
    }

    /**
     * A task by id, if it exists.
     *
     * @param id the id
     * @return the task, or empty
     */
    public Optional<Task> find(TaskId id) {
        Checks.notNull(id, "taskId");
        return context.read(tx -> tx.tasks().find(id));
    }

    /**
     * The open and in-progress tasks of a user, by due date (undated last), then id.
     *
     * @param assignee the user
     * @return the tasks
     */
    public List<Task> openTasks(UserId assignee) {
        Checks.notNull(assignee, "assigneeId");
        return context.read(tx -> tx.tasks().findOpenByAssignee(assignee)).stream().sorted(BY_DUE_DATE).toList();
    }

    /**
     * The tasks of a user that are overdue today: still open and due before today's date (in
     * the clock's zone), by due date, then id.
     *
     * @param assignee the user
     * @return the tasks
     */
    public List<Task> overdue(UserId assignee) {
        LocalDate today = LocalDate.now(context.clock());
        return openTasks(assignee).stream().filter(t -> t.isOverdueOn(today)).toList();
    }

    /**
     * The tasks linked to a contact, in any status, ordered by id.
     *
     * @param contactId the contact
     * @return the tasks
     */
    public List<Task> tasksOf(ContactId contactId) {
        return byLink(Checks.notNull(contactId, "contactId"));
    }

    /**
     * The tasks linked to an account, in any status, ordered by id.
     *
     * @param accountId the account
     * @return the tasks
     */
    public List<Task> tasksOf(AccountId accountId) {
        return byLink(Checks.notNull(accountId, "accountId"));
    }

    /**
     * The tasks linked to an opportunity, in any status, ordered by id.
     *
     * @param opportunityId the opportunity
     * @return the tasks
     */
    public List<Task> tasksOf(OpportunityId opportunityId) {
        return byLink(Checks.notNull(opportunityId, "opportunityId"));
    }

    /**
     * The tasks linked to a ticket, in any status, ordered by id.
     *
     * @param ticketId the ticket
     * @return the tasks
     */
    public List<Task> tasksOf(TicketId ticketId) {
        return byLink(Checks.notNull(ticketId, "ticketId"));
    }

    private List<Task> byLink(EntityId link) {
        return context.read(tx -> tx.tasks().findByLink(link));
    }

    private static Task get(UnitOfWork uow, TaskId id) {
        Checks.notNull(id, "taskId");
        return uow.tx().tasks().find(id).orElseThrow(() -> new CrmNotFoundException("Task", id.value()));
    }
}
