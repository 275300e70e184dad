package dev.rapport.crm.service;

import dev.rapport.crm.field.CustomFields;
import dev.rapport.crm.field.FieldValue;
import dev.rapport.crm.CrmValidationException;
import dev.rapport.crm.activity.Channel;
import dev.rapport.crm.directory.UserId;
import dev.rapport.crm.internal.Checks;
import dev.rapport.crm.party.AccountId;
import dev.rapport.crm.party.ContactId;
import org.jspecify.annotations.Nullable;

/**
 * The command to open a ticket. Immutable: every method returns a new command. Without an SLA
 * policy, the ticket gets the default policy of the {@link TicketService} that opens it.
 *
 * <pre>{@code
 * Ticket t = crm.tickets().open(NewTicket.about(ada.id(), "Printer on fire")
 *         .description("Smoke since this morning")
 *         .priority(TicketPriority.URGENT)
 *         .channel(Channel.PHONE)
 *         .assignee(UserId.of("agent-1")));
 * }</pre>
 *
 * @param subject what it is about
 * @param description details, or null
 * @param contactId the contact who asked, or null
 * @param accountId the account concerned, or null
 * @param priority how urgent it is
 * @param assigneeId the agent, or null
 * @param channel where the request came in
 * @param slaPolicy the SLA policy, or null for the service's default
 * @param customFields custom field values
 */
public record NewTicket(String subject, @Nullable String description, @Nullable ContactId contactId,
        @Nullable AccountId accountId, TicketPriority priority, @Nullable UserId assigneeId, Channel channel,
        @Nullable SlaPolicy slaPolicy, CustomFields customFields) {

    /**
     * Validates the command.
     *
     * @param subject what it is about
     * @param description details, or null
     * @param contactId the contact who asked, or null
     * @param accountId the account concerned, or null
     * @param priority how urgent it is
     * @param assigneeId the agent, or null
     * @param channel where the request came in
     * @param slaPolicy the SLA policy, or null for the service's default
     * @param customFields custom field values
     * @throws CrmValidationException naming the field if a value is invalid
     */
    public NewTicket {
        Checks.notNull(customFields, "customFields");
        subject = Checks.maxLength(Checks.nonBlank(subject, "subject"), 500, "subject");
        description = Checks.maxLength(Checks.optional(description), 100_000, "description");
        if (contactId == null && accountId == null) {
            throw new CrmValidationException("contactId", "a ticket needs a contact or an account");
        }
        Checks.notNull(priority, "priority");
        Checks.notNull(channel, "channel");
    }

    /**
     * A ticket of a contact, of normal priority, on channel {@link Channel#OTHER}.
     *
     * @param contactId the contact who asked
     * @param subject what it is about
     * @return the command
     * @throws CrmValidationException naming the field if a part is missing
     */
    public static NewTicket about(ContactId contactId, String subject) {
        return new NewTicket(subject, null, Checks.notNull(contactId, "contactId"), null, TicketPriority.NORMAL, null,
                Channel.OTHER, null, CustomFields.empty());
    }

    /**
     * A ticket of an account, of normal priority, on channel {@link Channel#OTHER}.
     *
     * @param accountId the account
     * @param subject what it is about
     * @return the command
     * @throws CrmValidationException naming the field if a part is missing
     */
    public static NewTicket forAccount(AccountId accountId, String subject) {
        return new NewTicket(subject, null, null, Checks.notNull(accountId, "accountId"), TicketPriority.NORMAL, null,
                Channel.OTHER, null, CustomFields.empty());
    }

    /**
     * With a description.
     *
     * @param value the description
     * @return the command
     */
    public NewTicket description(String value) {
        return new NewTicket(subject, value, contactId, accountId, priority, assigneeId, channel, slaPolicy, customFields);
    }

    /**
     * With an account as well.
     *
     * @param value the account
     * @return the command
     */
    public NewTicket account(AccountId value) {
        return new NewTicket(subject, description, contactId, Checks.notNull(value, "accountId"), priority, assigneeId,
                channel, slaPolicy, customFields);
    }

    /**
     * With a contact as well.
     *
     * @param value the contact
     * @return the command
     */
    public NewTicket contact(ContactId value) {
        return new NewTicket(subject, description, Checks.notNull(value, "contactId"), accountId, priority, assigneeId,
                channel, slaPolicy, customFields);
    }

    /**
     * With a priority.
     *
     * @param value the priority
     * @return the command
     */
    public NewTicket priority(TicketPriority value) {
        return new NewTicket(subject, description, contactId, accountId, value, assigneeId, channel, slaPolicy, customFields);
    }

    /**
     * Assigned to an agent.
     *
     * @param value the agent
     * @return the command
     */
    public NewTicket assignee(UserId value) {
        return new NewTicket(subject, description, contactId, accountId, priority, Checks.notNull(value, "assigneeId"),
                channel, slaPolicy, customFields);
    }

    /**
     * Came in on a channel.
     *
     * @param value the channel
     * @return the command
     */
    public NewTicket channel(Channel value) {
        return new NewTicket(subject, description, contactId, accountId, priority, assigneeId, value, slaPolicy, customFields);
    }

    /**
     * Under an SLA policy other than the service's default.
     *
     * @param value the policy
     * @return the command
     */
    public NewTicket slaPolicy(SlaPolicy value) {
        return new NewTicket(subject, description, contactId, accountId, priority, assigneeId, channel,
                Checks.notNull(value, "slaPolicy"), customFields);
    }

    /**
     * The command without its subject and description, which may be personal content.
     *
     * @return a description for logs
     */
    @Override
    public String toString() {
        return "NewTicket[priority=" + priority + ", channel=" + channel + "]";
    }

    /**
     * With a custom field value (checked against the schema when the command runs).
     *
     * @param key the field key
     * @param value the value
     * @return the command
     */
    public NewTicket field(String key, FieldValue value) {
        return new NewTicket(subject, description, contactId, accountId, priority, assigneeId, channel, slaPolicy, customFields.with(key, value));
    }
}
