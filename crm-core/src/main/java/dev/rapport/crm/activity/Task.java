package dev.rapport.crm.activity;

import dev.rapport.crm.field.CustomFields;
import dev.rapport.crm.Aggregate;
import dev.rapport.crm.CrmValidationException;
import dev.rapport.crm.TenantId;
import dev.rapport.crm.directory.UserId;
import dev.rapport.crm.internal.Checks;
import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * Something a user has to do, by a date: call back, send a quote, follow up on a ticket.
 *
 * <p>The due date is a calendar date ({@link LocalDate}), not an instant: a task is due
 * <em>on</em> a day, in the host's calendar. It may lie before the day the task is created (a
 * follow-up recorded late, or an imported backlog): such a task is simply overdue from the start.
 * A task is overdue when it is still open and its due date is before today. It need not be
 * linked to anything (an internal to-do), but it may be linked like an activity.
 *
 * <p>{@link #completedAt()} is set exactly when the task is {@link TaskStatus#DONE}.
 * {@link #toString()} leaves out the title and description.
 *
 * <pre>{@code
 * Task t = crm.tasks().create(NewTask.titled("Send the quote")
 *         .assignee(UserId.of("u-7"))
 *         .dueOn(LocalDate.of(2026, 3, 31))
 *         .contact(ada.id()));
 * crm.tasks().complete(t.id());
 * }</pre>
 *
 * @param id the id
 * @param tenantId the tenant
 * @param version the version, 1 when created
 * @param title what to do, at most 200 characters
 * @param description details, or null; at most 10,000 characters
 * @param dueOn the day it is due, or null if it has no due date
 * @param assigneeId who has to do it
 * @param status where it stands
 * @param priority how urgent it is
 * @param links the records it belongs to, possibly none
 * @param createdAt when it was created
 * @param updatedAt when it was last changed
 * @param completedAt when it was done; set exactly when the status is {@link TaskStatus#DONE}
 * @param customFields custom field values
 */
public record Task(TaskId id, TenantId tenantId, long version, String title, @Nullable String description,
        @Nullable LocalDate dueOn, UserId assigneeId, TaskStatus status, TaskPriority priority, TimelineLinks links,
        Instant createdAt, Instant updatedAt, @Nullable Instant completedAt, CustomFields customFields) implements Aggregate<TaskId> {

    /**
     * Validates the task.
     *
     * @param id the id
     * @param tenantId the tenant
     * @param version the version, 1 when created
     * @param title what to do, at most 200 characters
     * @param description details, or null; at most 10,000 characters
     * @param dueOn the day it is due, or null if it has no due date
     * @param assigneeId who has to do it
     * @param status where it stands
     * @param priority how urgent it is
     * @param links the records it belongs to, possibly none
     * @param createdAt when it was created
     * @param updatedAt when it was last changed
     * @param completedAt when it was done; set exactly when the status is {@link TaskStatus#DONE}
     * @param customFields custom field values
     * @throws CrmValidationException naming the field if a value is missing or invalid
     */
    public Task {
        Checks.notNull(customFields, "customFields");
        Checks.notNull(id, "id");
        Checks.notNull(tenantId, "tenantId");
        Checks.version(version);
        title = Checks.maxLength(Checks.nonBlank(title, "title"), 200, "title");
        description = Checks.maxLength(Checks.optional(description), 10_000, "description");
        Checks.notNull(assigneeId, "assigneeId");
        Checks.notNull(status, "status");
        Checks.notNull(priority, "priority");
        Checks.notNull(links, "links");
        Checks.notNull(createdAt, "createdAt");
        Checks.notNull(updatedAt, "updatedAt");
        if (updatedAt.isBefore(createdAt)) {
            throw new CrmValidationException("updatedAt", "must not be before createdAt");
        }
        if ((status == TaskStatus.DONE) != (completedAt != null)) {
            throw new CrmValidationException("completedAt", "is set exactly when the task is done");
        }
        if (completedAt != null && completedAt.isBefore(createdAt)) {
            throw new CrmValidationException("completedAt", "must not be before createdAt");
        }
    }

    /**
     * Whether the task is overdue on a day: still open and due before that day.
     *
     * @param today the day to judge by
     * @return true if overdue
     */
    public boolean isOverdueOn(LocalDate today) {
        return status.isOpen() && dueOn != null && dueOn.isBefore(today);
    }

    /**
     * A copy with another title and description.
     *
     * @param newTitle the title
     * @param newDescription the description, or null
     * @return the copy
     */
    public Task withDetails(String newTitle, @Nullable String newDescription) {
        return new Task(id, tenantId, version, newTitle, newDescription, dueOn, assigneeId, status, priority, links,
                createdAt, updatedAt, completedAt, customFields);
    }

    /**
     * A copy with another due date.
     *
     * @param newDueOn the due date, or null for none
     * @return the copy
     */
    public Task withDueOn(@Nullable LocalDate newDueOn) {
        return new Task(id, tenantId, version, title, description, newDueOn, assigneeId, status, priority, links,
                createdAt, updatedAt, completedAt, customFields);
    }

    /**
     * A copy with another priority.
     *
     * @param newPriority the priority
     * @return the copy
     */
    public Task withPriority(TaskPriority newPriority) {
        return new Task(id, tenantId, version, title, description, dueOn, assigneeId, status, newPriority, links,
                createdAt, updatedAt, completedAt, customFields);
    }

    /**
     * A copy with other links.
     *
     * @param newLinks the links
     * @return the copy
     */
    public Task withLinks(TimelineLinks newLinks) {
        return new Task(id, tenantId, version, title, description, dueOn, assigneeId, status, priority, newLinks,
                createdAt, updatedAt, completedAt, customFields);
    }

    Task withAssignee(UserId newAssignee) {
        return new Task(id, tenantId, version, title, description, dueOn, newAssignee, status, priority, links,
                createdAt, updatedAt, completedAt, customFields);
    }

    Task withStatus(TaskStatus newStatus, @Nullable Instant newCompletedAt) {
        return new Task(id, tenantId, version, title, description, dueOn, assigneeId, newStatus, priority, links,
                createdAt, updatedAt, newCompletedAt, customFields);
    }

    Task stored(long nextVersion, Instant at) {
        return new Task(id, tenantId, nextVersion, title, description, dueOn, assigneeId, status, priority, links,
                createdAt, at, completedAt, customFields);
    }

    @Override
    public String toString() {
        return "Task[id=" + id + ", version=" + version + ", status=" + status + ", dueOn=" + dueOn + "]";
    }

    /**
     * A copy with other custom field values (checked against the schema when stored).
     *
     * @param newFields the values
     * @return the copy
     */
    public Task withCustomFields(CustomFields newFields) {
        return new Task(id, tenantId, version, title, description, dueOn, assigneeId, status, priority, links, createdAt, updatedAt, completedAt, newFields);
    }
}
