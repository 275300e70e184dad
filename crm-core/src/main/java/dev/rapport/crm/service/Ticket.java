package dev.rapport.crm.service;

import dev.rapport.crm.field.CustomFields;
import dev.rapport.crm.Aggregate;
import dev.rapport.crm.CrmValidationException;
import dev.rapport.crm.TenantId;
import dev.rapport.crm.activity.Channel;
import dev.rapport.crm.directory.UserId;
import dev.rapport.crm.internal.Checks;
import dev.rapport.crm.party.AccountId;
import dev.rapport.crm.party.ContactId;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A support request of a customer, with a status lifecycle ({@link TicketStatus}) and SLA
 * targets ({@link SlaPolicy}).
 *
 * <p>The timestamps follow the status, and the constructor enforces it:
 * <ul>
 *   <li>{@link #firstResponseAt()} is set when the ticket first leaves {@link TicketStatus#NEW}
 *       (by {@link TicketService#respond}, or by any other move): a ticket is {@code NEW}
 *       exactly while nobody has responded;</li>
 *   <li>{@link #resolvedAt()} is set exactly while the ticket is {@code RESOLVED} or
 *       {@code CLOSED}: resolving sets it, reopening clears it, closing an unresolved ticket
 *       resolves it at the same instant;</li>
 *   <li>{@link #closedAt()} is set exactly when the ticket is {@code CLOSED};</li>
 *   <li>{@code createdAt ≤ firstResponseAt ≤ resolvedAt ≤ closedAt}.</li>
 * </ul>
 *
 * <p>{@link #toString()} leaves out the subject and description.
 *
 * <pre>{@code
 * Ticket t = crm.tickets().open(NewTicket.about(ada.id(), "Printer on fire")
 *         .priority(TicketPriority.URGENT));
 * crm.tickets().respond(t.id());
 * crm.tickets().resolve(t.id());
 * crm.tickets().sla(t.id()).isBreached();
 * }</pre>
 *
 * @param id the id
 * @param tenantId the tenant
 * @param version the version, 1 when opened
 * @param subject what it is about, at most 500 characters
 * @param description details, or null; at most 100,000 characters
 * @param contactId the contact who asked, or null
 * @param accountId the account concerned, or null; a ticket has a contact or an account (or both)
 * @param priority how urgent it is
 * @param status where it stands in its lifecycle
 * @param assigneeId the agent working it, or null
 * @param channel where the request came in
 * @param slaPolicy the SLA targets it was opened under
 * @param createdAt when it was opened: the SLA clock starts here
 * @param updatedAt when it was last changed
 * @param firstResponseAt when it was first responded to, or null while {@code NEW}
 * @param resolvedAt when it was resolved, or null unless {@code RESOLVED} or {@code CLOSED}
 * @param closedAt when it was closed, or null unless {@code CLOSED}
 * @param customFields custom field values
 */
public record Ticket(TicketId id, TenantId tenantId, long version, String subject, @Nullable String description,
        @Nullable ContactId contactId, @Nullable AccountId accountId, TicketPriority priority, TicketStatus status,
        @Nullable UserId assigneeId, Channel channel, SlaPolicy slaPolicy, Instant createdAt, Instant updatedAt,
        @Nullable Instant firstResponseAt, @Nullable Instant resolvedAt, @Nullable Instant closedAt, CustomFields customFields)
        implements Aggregate<TicketId> {

    /**
     * Validates the ticket.
     *
     * @param id the id
     * @param tenantId the tenant
     * @param version the version, 1 when opened
     * @param subject what it is about, at most 500 characters
     * @param description details, or null; at most 100,000 characters
     * @param contactId the contact who asked, or null
     * @param accountId the account concerned, or null; a ticket has a contact or an account (or both)
     * @param priority how urgent it is
     * @param status where it stands in its lifecycle
     * @param assigneeId the agent working it, or null
     * @param channel where the request came in
     * @param slaPolicy the SLA targets it was opened under
     * @param createdAt when it was opened: the SLA clock starts here
     * @param updatedAt when it was last changed
     * @param firstResponseAt when it was first responded to, or null while {@code NEW}
     * @param resolvedAt when it was resolved, or null unless {@code RESOLVED} or {@code CLOSED}
     * @param closedAt when it was closed, or null unless {@code CLOSED}
     * @param customFields custom field values
     * @throws CrmValidationException naming the field if a value is missing or invalid, or a
     *     timestamp does not match the status
     */
    public Ticket {
        Checks.notNull(customFields, "customFields");
        Checks.notNull(id, "id");
        Checks.notNull(tenantId, "tenantId");
        Checks.version(version);
        subject = Checks.maxLength(Checks.nonBlank(subject, "subject"), 500, "subject");
        description = Checks.maxLength(Checks.optional(description), 100_000, "description");
        if (contactId == null && accountId == null) {
            throw new CrmValidationException("contactId", "a ticket needs a contact or an account");
        }
        Checks.notNull(priority, "priority");
        Checks.notNull(status, "status");
        Checks.notNull(channel, "channel");
        Checks.notNull(slaPolicy, "slaPolicy");
        Checks.notNull(createdAt, "createdAt");
        Checks.notNull(updatedAt, "updatedAt");
        if (updatedAt.isBefore(createdAt)) {
            throw new CrmValidationException("updatedAt", "must not be before createdAt");
        }
        if ((status == TicketStatus.NEW) != (firstResponseAt == null)) {
            throw new CrmValidationException("firstResponseAt", "is set exactly when the ticket is no longer new");
        }
        boolean resolved = status == TicketStatus.RESOLVED || status == TicketStatus.CLOSED;
        if (resolved != (resolvedAt != null)) {
            throw new CrmValidationException("resolvedAt", "is set exactly when the ticket is resolved or closed");
        }
        if ((status == TicketStatus.CLOSED) != (closedAt != null)) {
            throw new CrmValidationException("closedAt", "is set exactly when the ticket is closed");
        }
        requireOrder(createdAt, firstResponseAt, "firstResponseAt");
        requireOrder(firstResponseAt, resolvedAt, "resolvedAt");
        requireOrder(resolvedAt, closedAt, "closedAt");
    }

    private static void requireOrder(@Nullable Instant earlier, @Nullable Instant later, String field) {
        if (earlier != null && later != null && later.isBefore(earlier)) {
            throw new CrmValidationException(field, "must not be before the previous lifecycle timestamp");
        }
    }

    /**
     * Whether the ticket still needs work: {@code NEW}, {@code OPEN} or {@code PENDING}.
     *
     * @return true if not resolved or closed
     */
    public boolean isActive() {
        return status == TicketStatus.NEW || status == TicketStatus.OPEN || status == TicketStatus.PENDING;
    }

    /**
     * The SLA targets that apply: those of the current priority.
     *
     * @return the targets
     */
    public SlaTargets slaTargets() {
        return slaPolicy.targetsFor(priority);
    }

    /**
     * When the first response is due.
     *
     * @return {@code createdAt} plus the first-response target
     */
    public Instant firstResponseDue() {
        return createdAt.plus(slaTargets().firstResponse());
    }

    /**
     * When the resolution is due.
     *
     * @return {@code createdAt} plus the resolution target
     */
    public Instant resolutionDue() {
        return createdAt.plus(slaTargets().resolution());
    }

    /**
     * The ticket's standing against its SLA targets at an instant. A target that was met or
     * missed stays so; one not yet reached is {@link SlaOutcome#BREACHED} once {@code asOf} is
     * after its due instant, {@link SlaOutcome#PENDING} until then.
     *
     * @param asOf the instant to judge pending targets by
     * @return the result
     */
    public SlaResult sla(Instant asOf) {
        Checks.notNull(asOf, "asOf");
        Instant responseDue = firstResponseDue();
        Instant resolveDue = resolutionDue();
        return new SlaResult(responseDue, resolveDue,
                firstResponseAt == null ? null : Duration.between(createdAt, firstResponseAt),
                resolvedAt == null ? null : Duration.between(createdAt, resolvedAt),
                SlaResult.outcome(responseDue, firstResponseAt, asOf),
                SlaResult.outcome(resolveDue, resolvedAt, asOf));
    }

    /**
     * A copy with another subject and description.
     *
     * @param newSubject the subject
     * @param newDescription the description, or null
     * @return the copy
     */
    public Ticket withDetails(String newSubject, @Nullable String newDescription) {
        return new Ticket(id, tenantId, version, newSubject, newDescription, contactId, accountId, priority, status,
                assigneeId, channel, slaPolicy, createdAt, updatedAt, firstResponseAt, resolvedAt, closedAt, customFields);
    }

    /**
     * A copy with another priority.
     *
     * @param newPriority the priority
     * @return the copy
     */
    public Ticket withPriority(TicketPriority newPriority) {
        return new Ticket(id, tenantId, version, subject, description, contactId, accountId, newPriority, status,
                assigneeId, channel, slaPolicy, createdAt, updatedAt, firstResponseAt, resolvedAt, closedAt, customFields);
    }

    /**
     * A copy with another contact and account.
     *
     * @param newContact the contact, or null
     * @param newAccount the account, or null
     * @return the copy
     */
    public Ticket withParties(@Nullable ContactId newContact, @Nullable AccountId newAccount) {
        return new Ticket(id, tenantId, version, subject, description, newContact, newAccount, priority, status,
                assigneeId, channel, slaPolicy, createdAt, updatedAt, firstResponseAt, resolvedAt, closedAt, customFields);
    }

    /**
     * A copy with another channel.
     *
     * @param newChannel the channel
     * @return the copy
     */
    public Ticket withChannel(Channel newChannel) {
        return new Ticket(id, tenantId, version, subject, description, contactId, accountId, priority, status,
                assigneeId, newChannel, slaPolicy, createdAt, updatedAt, firstResponseAt, resolvedAt, closedAt, customFields);
    }

    /**
     * A copy with another SLA policy.
     *
     * @param newPolicy the policy
     * @return the copy
     */
    public Ticket withSlaPolicy(SlaPolicy newPolicy) {
        return new Ticket(id, tenantId, version, subject, description, contactId, accountId, priority, status,
                assigneeId, channel, newPolicy, createdAt, updatedAt, firstResponseAt, resolvedAt, closedAt, customFields);
    }

    Ticket withAssignee(@Nullable UserId newAssignee) {
        return new Ticket(id, tenantId, version, subject, description, contactId, accountId, priority, status,
                newAssignee, channel, slaPolicy, createdAt, updatedAt, firstResponseAt, resolvedAt, closedAt, customFields);
    }

    /**
     * The ticket moved to a status at an instant, with the lifecycle timestamps that go with it.
     * Callers check {@link TicketStatus#canMoveTo} first.
     */
    Ticket movedTo(TicketStatus target, Instant at) {
        Instant responded = firstResponseAt != null ? firstResponseAt : at;
        Instant resolved = switch (target) {
            case RESOLVED -> at;
            case CLOSED -> resolvedAt != null ? resolvedAt : at;
            default -> null;
        };
        Instant closed = target == TicketStatus.CLOSED ? at : null;
        return new Ticket(id, tenantId, version, subject, description, contactId, accountId, priority, target,
                assigneeId, channel, slaPolicy, createdAt, updatedAt, responded, resolved, closed, customFields);
    }

    Ticket stored(long nextVersion, Instant at) {
        return new Ticket(id, tenantId, nextVersion, subject, description, contactId, accountId, priority, status,
                assigneeId, channel, slaPolicy, createdAt, at, firstResponseAt, resolvedAt, closedAt, customFields);
    }

    @Override
    public String toString() {
        return "Ticket[id=" + id + ", version=" + version + ", status=" + status + ", priority=" + priority + "]";
    }

    /**
     * A copy with other custom field values (checked against the schema when stored).
     *
     * @param newFields the values
     * @return the copy
     */
    public Ticket withCustomFields(CustomFields newFields) {
        return new Ticket(id, tenantId, version, subject, description, contactId, accountId, priority, status, assigneeId, channel, slaPolicy, createdAt, updatedAt, firstResponseAt, resolvedAt, closedAt, newFields);
    }
}
