package dev.rapport.crm.activity;

import dev.rapport.crm.field.CustomFields;
import dev.rapport.crm.field.FieldValue;
import dev.rapport.crm.directory.UserId;
import dev.rapport.crm.internal.Checks;
import dev.rapport.crm.party.AccountId;
import dev.rapport.crm.party.ContactId;
import dev.rapport.crm.sales.OpportunityId;
import dev.rapport.crm.service.TicketId;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * The command to create a task. Immutable: every method returns a new command. Without an
 * assignee, the task is assigned to the user running the command (an {@code Actor} of kind
 * {@code USER}); other actors must name one.
 *
 * <pre>{@code
 * Task t = crm.tasks().create(NewTask.titled("Call back about the renewal")
 *         .assignee(UserId.of("u-7"))
 *         .dueOn(LocalDate.of(2026, 3, 31))
 *         .priority(TaskPriority.HIGH)
 *         .contact(ada.id()));
 * }</pre>
 *
 * @param title what to do
 * @param description details, or null
 * @param dueOn the due date, or null
 * @param assigneeId who has to do it, or null for the user running the command
 * @param priority how urgent it is
 * @param links the records it belongs to
 * @param customFields custom field values
 */
public record NewTask(String title, @Nullable String description, @Nullable LocalDate dueOn,
        @Nullable UserId assigneeId, TaskPriority priority, TimelineLinks links, CustomFields customFields) {

    /**
     * Validates the command.
     *
     * @param title what to do
     * @param description details, or null
     * @param dueOn the due date, or null
     * @param assigneeId who has to do it, or null for the user running the command
     * @param priority how urgent it is
     * @param links the records it belongs to
     * @param customFields custom field values
     * @throws dev.rapport.crm.CrmValidationException naming the field if a value is invalid
     */
    public NewTask {
        Checks.notNull(customFields, "customFields");
        title = Checks.maxLength(Checks.nonBlank(title, "title"), 200, "title");
        description = Checks.maxLength(Checks.optional(description), 10_000, "description");
        Checks.notNull(priority, "priority");
        Checks.notNull(links, "links");
    }

    /**
     * A task with a title, of normal priority, without due date or links.
     *
     * @param title what to do
     * @return the command
     * @throws dev.rapport.crm.CrmValidationException naming {@code title} if it is blank
     */
    public static NewTask titled(String title) {
        return new NewTask(title, null, null, null, TaskPriority.NORMAL, TimelineLinks.none(), CustomFields.empty());
    }

    /**
     * With a description.
     *
     * @param value the description
     * @return the command
     */
    public NewTask description(String value) {
        return new NewTask(title, value, dueOn, assigneeId, priority, links, customFields);
    }

    /**
     * Due on a day.
     *
     * @param value the due date
     * @return the command
     */
    public NewTask dueOn(LocalDate value) {
        return new NewTask(title, description, Checks.notNull(value, "dueOn"), assigneeId, priority, links, customFields);
    }

    /**
     * Assigned to a user.
     *
     * @param value the assignee
     * @return the command
     */
    public NewTask assignee(UserId value) {
        return new NewTask(title, description, dueOn, Checks.notNull(value, "assigneeId"), priority, links, customFields);
    }

    /**
     * With a priority.
     *
     * @param value the priority
     * @return the command
     */
    public NewTask priority(TaskPriority value) {
        return new NewTask(title, description, dueOn, assigneeId, value, links, customFields);
    }

    /**
     * Linked to a contact.
     *
     * @param value the contact
     * @return the command
     */
    public NewTask contact(ContactId value) {
        return withLinks(links.withContact(Checks.notNull(value, "contactId")));
    }

    /**
     * Linked to an account.
     *
     * @param value the account
     * @return the command
     */
    public NewTask account(AccountId value) {
        return withLinks(links.withAccount(Checks.notNull(value, "accountId")));
    }

    /**
     * Linked to an opportunity.
     *
     * @param value the opportunity
     * @return the command
     */
    public NewTask opportunity(OpportunityId value) {
        return withLinks(links.withOpportunity(Checks.notNull(value, "opportunityId")));
    }

    /**
     * Linked to a ticket.
     *
     * @param value the ticket
     * @return the command
     */
    public NewTask ticket(TicketId value) {
        return withLinks(links.withTicket(Checks.notNull(value, "ticketId")));
    }

    /**
     * With all links replaced.
     *
     * @param value the links
     * @return the command
     */
    public NewTask withLinks(TimelineLinks value) {
        return new NewTask(title, description, dueOn, assigneeId, priority, value, customFields);
    }

    /**
     * The command without its title and description, which may be personal content.
     *
     * @return a description for logs
     */
    @Override
    public String toString() {
        return "NewTask[dueOn=" + dueOn + ", assigneeId=" + assigneeId + ", priority=" + priority + "]";
    }

    /**
     * With a custom field value (checked against the schema when the command runs).
     *
     * @param key the field key
     * @param value the value
     * @return the command
     */
    public NewTask field(String key, FieldValue value) {
        return new NewTask(title, description, dueOn, assigneeId, priority, links, customFields.with(key, value));
    }
}
