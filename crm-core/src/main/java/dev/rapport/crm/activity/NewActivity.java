package dev.rapport.crm.activity;

import dev.rapport.crm.field.CustomFields;
import dev.rapport.crm.field.FieldValue;
import dev.rapport.crm.CrmValidationException;
import dev.rapport.crm.directory.UserId;
import dev.rapport.crm.internal.Checks;
import dev.rapport.crm.party.AccountId;
import dev.rapport.crm.party.ContactId;
import dev.rapport.crm.sales.OpportunityId;
import dev.rapport.crm.service.TicketId;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The command to log an activity. Immutable: every method returns a new command. Values are
 * checked as they are given; links, the actor and the time are checked again when logged.
 *
 * <p>Defaults, resolved when the activity is logged:
 * <ul>
 *   <li>{@code occurredAt}: the time of the command;</li>
 *   <li>{@code actor}: the user running the command, if it is a user (an {@code Actor} of kind
 *       {@code USER}); otherwise it must be given;</li>
 *   <li>{@code direction}: {@link Direction#INBOUND} when the customer acted,
 *       {@link Direction#INTERNAL} for a {@link ActivityType#NOTE}, otherwise
 *       {@link Direction#OUTBOUND}.</li>
 * </ul>
 *
 * <pre>{@code
 * crm.activities().log(NewActivity.of(ActivityType.EMAIL, Channel.EMAIL)
 *         .direction(Direction.INBOUND)
 *         .byCustomer()
 *         .occurredAt(receivedAt)
 *         .subject("Question about my invoice")
 *         .contact(ada.id()));
 * }</pre>
 *
 * @param type what kind of interaction
 * @param channel the medium
 * @param direction which way it went, or null for the default
 * @param occurredAt when it happened, or null for the time of the command
 * @param actor who performed it, or null for the default
 * @param subject the subject, or null
 * @param body the content, or null
 * @param duration how long it took, or null
 * @param links the records it belongs to
 * @param purchase the purchase data of a purchase activity, or null
 * @param customFields custom field values
 */
public record NewActivity(ActivityType type, Channel channel, @Nullable Direction direction,
        @Nullable Instant occurredAt, @Nullable ActivityActor actor, @Nullable String subject,
        @Nullable String body, @Nullable Duration duration, TimelineLinks links, @Nullable Purchase purchase, CustomFields customFields) {

    /**
     * Validates the command.
     *
     * @param type what kind of interaction
     * @param channel the medium
     * @param direction which way it went, or null for the default
     * @param occurredAt when it happened, or null for the time of the command
     * @param actor who performed it, or null for the default
     * @param subject the subject, or null
     * @param body the content, or null
     * @param duration how long it took, or null
     * @param links the records it belongs to
     * @param purchase the purchase data of a purchase activity, or null
     * @param customFields custom field values
     * @throws CrmValidationException naming the field if a value is invalid
     */
    public NewActivity {
        Checks.notNull(customFields, "customFields");
        Checks.notNull(type, "type");
        Checks.notNull(channel, "channel");
        subject = Checks.maxLength(Checks.optional(subject), Activity.MAX_SUBJECT, "subject");
        body = Checks.maxLength(Checks.optional(body), Activity.MAX_BODY, "body");
        if (duration != null && duration.isNegative()) {
            throw new CrmValidationException("duration", "must not be negative");
        }
        Checks.notNull(links, "links");
        if (purchase != null && type != ActivityType.PURCHASE) {
            throw new CrmValidationException("purchase", "only purchase activities carry purchase data");
        }
    }

    /**
     * An activity of a kind on a channel.
     *
     * @param type what kind of interaction
     * @param channel the medium
     * @return the command
     * @throws CrmValidationException if a part is missing
     */
    public static NewActivity of(ActivityType type, Channel channel) {
        return new NewActivity(type, channel, null, null, null, null, null, null, TimelineLinks.none(), null, CustomFields.empty());
    }

    /**
     * With a direction.
     *
     * @param value the direction
     * @return the command
     */
    public NewActivity direction(Direction value) {
        return new NewActivity(type, channel, Checks.notNull(value, "direction"), occurredAt, actor, subject, body,
                duration, links, purchase, customFields);
    }

    /**
     * Happened at a time other than now; not after the time the activity is logged.
     *
     * @param value when it happened
     * @return the command
     */
    public NewActivity occurredAt(Instant value) {
        return new NewActivity(type, channel, direction, Checks.notNull(value, "occurredAt"), actor, subject, body,
                duration, links, purchase, customFields);
    }

    /**
     * Performed by someone.
     *
     * @param value who performed it
     * @return the command
     */
    public NewActivity by(ActivityActor value) {
        return new NewActivity(type, channel, direction, occurredAt, Checks.notNull(value, "actor"), subject, body,
                duration, links, purchase, customFields);
    }

    /**
     * Performed by a user of the host.
     *
     * @param user the user
     * @return the command
     */
    public NewActivity byUser(UserId user) {
        return by(ActivityActor.user(user));
    }

    /**
     * Performed by the customer.
     *
     * @return the command
     */
    public NewActivity byCustomer() {
        return by(ActivityActor.customer());
    }

    /**
     * With a subject.
     *
     * @param value the subject
     * @return the command
     */
    public NewActivity subject(String value) {
        return new NewActivity(type, channel, direction, occurredAt, actor, value, body, duration, links, purchase, customFields);
    }

    /**
     * With a body.
     *
     * @param value the content
     * @return the command
     */
    public NewActivity body(String value) {
        return new NewActivity(type, channel, direction, occurredAt, actor, subject, value, duration, links, purchase, customFields);
    }

    /**
     * With a duration.
     *
     * @param value how long it took
     * @return the command
     */
    public NewActivity duration(Duration value) {
        return new NewActivity(type, channel, direction, occurredAt, actor, subject, body,
                Checks.notNull(value, "duration"), links, purchase, customFields);
    }

    /**
     * Linked to a contact.
     *
     * @param value the contact
     * @return the command
     */
    public NewActivity contact(ContactId value) {
        return withLinks(links.withContact(Checks.notNull(value, "contactId")));
    }

    /**
     * Linked to an account.
     *
     * @param value the account
     * @return the command
     */
    public NewActivity account(AccountId value) {
        return withLinks(links.withAccount(Checks.notNull(value, "accountId")));
    }

    /**
     * Linked to an opportunity.
     *
     * @param value the opportunity
     * @return the command
     */
    public NewActivity opportunity(OpportunityId value) {
        return withLinks(links.withOpportunity(Checks.notNull(value, "opportunityId")));
    }

    /**
     * Linked to a ticket.
     *
     * @param value the ticket
     * @return the command
     */
    public NewActivity ticket(TicketId value) {
        return withLinks(links.withTicket(Checks.notNull(value, "ticketId")));
    }

    /**
     * With all links replaced.
     *
     * @param value the links
     * @return the command
     */
    public NewActivity withLinks(TimelineLinks value) {
        return new NewActivity(type, channel, direction, occurredAt, actor, subject, body, duration, value, purchase, customFields);
    }

    /**
     * With purchase data; only for {@link ActivityType#PURCHASE}.
     *
     * @param value the purchase
     * @return the command
     * @throws CrmValidationException naming {@code purchase} if this is not a purchase activity
     */
    public NewActivity purchase(Purchase value) {
        return new NewActivity(type, channel, direction, occurredAt, actor, subject, body, duration, links,
                Checks.notNull(value, "purchase"), customFields);
    }

    /**
     * The command without its subject and body, which are personal content.
     *
     * @return a description for logs
     */
    @Override
    public String toString() {
        return "NewActivity[type=" + type + ", channel=" + channel + ", links=" + links.ids() + "]";
    }

    /**
     * With a custom field value (checked against the schema when the command runs).
     *
     * @param key the field key
     * @param value the value
     * @return the command
     */
    public NewActivity field(String key, FieldValue value) {
        return new NewActivity(type, channel, direction, occurredAt, actor, subject, body, duration, links, purchase, customFields.with(key, value));
    }
}
