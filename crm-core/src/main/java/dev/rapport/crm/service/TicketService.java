package dev.rapport.crm.service;

import dev.rapport.crm.internal.CustomFieldValidation;
import dev.rapport.crm.field.EntityType;
import dev.rapport.crm.CrmConflictException;
import dev.rapport.crm.CrmNotFoundException;
import dev.rapport.crm.CrmValidationException;
import dev.rapport.crm.Page;
import dev.rapport.crm.PageRequest;
import dev.rapport.crm.directory.UserId;
import dev.rapport.crm.event.TicketOpened;
import dev.rapport.crm.event.TicketResolved;
import dev.rapport.crm.event.TicketStatusChanged;
import dev.rapport.crm.event.TicketUpdated;
import dev.rapport.crm.internal.Checks;
import dev.rapport.crm.internal.Diff;
import dev.rapport.crm.internal.Owners;
import dev.rapport.crm.internal.ServiceContext;
import dev.rapport.crm.internal.UnitOfWork;
import dev.rapport.crm.party.AccountId;
import dev.rapport.crm.party.ContactId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Support tickets of one tenant: open, respond, move through the status lifecycle, assign,
 * update, SLA results and the look-ups a service desk needs.
 *
 * <p>Every status move goes through {@link TicketStatus#canMoveTo}; a move it forbids is
 * refused with a {@link CrmValidationException} naming {@code status}, and changes nothing.
 * The first response is recorded when a ticket first leaves {@code NEW}, whichever command
 * moves it ({@link #respond}, {@link #changeStatus}, {@link #resolve} or {@link #close}).
 * Moves publish {@link TicketStatusChanged}; a move to {@code RESOLVED}, or closing a ticket
 * that was not resolved, publishes {@link TicketResolved} as well.
 *
 * <p>The SLA policy of new tickets is the service's default ({@link SlaPolicy#DEFAULT} unless
 * set with {@link #withDefaultPolicy}), or the one the command names.
 *
 * <pre>{@code
 * TicketService desk = crm.tickets().withDefaultPolicy(goldPolicy);
 * Ticket t = desk.open(NewTicket.about(ada.id(), "Cannot log in").priority(TicketPriority.HIGH));
 * desk.respond(t.id());                  // NEW -> OPEN, first response recorded
 * desk.changeStatus(t.id(), TicketStatus.PENDING);
 * desk.resolve(t.id());
 * desk.breachedAt(clock.instant());      // active tickets past a due instant
 * }</pre>
 */
public final class TicketService {
    private static final Set<String> EDITABLE =
            Set.of("subject", "description", "priority", "contactId", "accountId", "channel", "slaPolicy", "customFields");

    private final ServiceContext context;
    private final SlaPolicy defaultPolicy;

    /**
     * Creates the service with the {@link SlaPolicy#DEFAULT} policy. Hosts get it from
     * {@code crm.tickets()}.
     *
     * @param context the service context
     */
    public TicketService(ServiceContext context) {
        this(context, SlaPolicy.DEFAULT);
    }

    private TicketService(ServiceContext context, SlaPolicy defaultPolicy) {
        this.context = context;
        this.defaultPolicy = defaultPolicy;
    }

    /**
     * The same service, giving new tickets another SLA policy when their command names none.
     *
     * @param policy the default policy
     * @return the service
     */
    public TicketService withDefaultPolicy(SlaPolicy policy) {
        return new TicketService(context, Checks.notNull(policy, "slaPolicy"));
    }

    /**
     * The SLA policy new tickets get when their command names none.
     *
     * @return the policy
     */
    public SlaPolicy defaultPolicy() {
        return defaultPolicy;
    }

    /**
     * Opens a ticket, in status {@code NEW}.
     *
     * @param command the request
     * @return the stored ticket, at version 1
     * @throws CrmValidationException naming {@code contactId} or {@code accountId} if the record
     *     does not exist, or {@code assigneeId} if the agent is unknown or inactive
     */
    public Ticket open(NewTicket command) {
        Checks.notNull(command, "command");
        return context.write(uow -> {
            CustomFieldValidation.check(uow, EntityType.TICKET, command.customFields());
            requireParties(uow, command.contactId(), command.accountId());
            Owners.check(context, command.assigneeId(), "assigneeId");
            SlaPolicy policy = command.slaPolicy() != null ? command.slaPolicy() : defaultPolicy;
            Ticket ticket = new Ticket(TicketId.of(uow.newId("ticket")), uow.tenant(), 1, command.subject(),
                    command.description(), command.contactId(), command.accountId(), command.priority(),
                    TicketStatus.NEW, command.assigneeId(), command.channel(), policy, uow.now(), uow.now(), null,
                    null, null, command.customFields());
            uow.tx().tickets().insert(ticket);
            uow.emit(new TicketOpened(uow.meta(), ticket.id(), ticket.contactId(), ticket.priority()));
            return ticket;
        });
    }

    /**
     * Records that an agent responded to the customer. The first response moves a {@code NEW}
     * ticket to {@code OPEN} and sets {@link Ticket#firstResponseAt()}; later responses (or a
     * response to a ticket already past {@code NEW}) change nothing and publish nothing.
     *
     * @param id the ticket
     * @return the stored ticket
     * @throws CrmNotFoundException if it does not exist
     */
    public Ticket respond(TicketId id) {
        return context.write(uow -> {
            Ticket current = get(uow, id);
            if (current.status() != TicketStatus.NEW) {
                return current;
            }
            return move(uow, current, TicketStatus.OPEN);
        });
    }

    /**
     * Moves a ticket to another status, with the timestamps that go with it.
     *
     * @param id the ticket
     * @param target the next status
     * @return the stored ticket
     * @throws CrmValidationException naming {@code status} if the lifecycle forbids the move
     * @throws CrmNotFoundException if it does not exist
     */
    public Ticket changeStatus(TicketId id, TicketStatus target) {
        Checks.notNull(target, "status");
        return context.write(uow -> move(uow, get(uow, id), target));
    }

    /**
     * Resolves a ticket.
     *
     * @param id the ticket
     * @return the stored ticket
     * @throws CrmValidationException naming {@code status} if it is already resolved or closed
     * @throws CrmNotFoundException if it does not exist
     */
    public Ticket resolve(TicketId id) {
        return changeStatus(id, TicketStatus.RESOLVED);
    }

    /**
     * Reopens a resolved ticket ({@code RESOLVED → OPEN}); its resolution time is cleared and the
     * resolution target is measured again.
     *
     * @param id the ticket
     * @return the stored ticket
     * @throws CrmValidationException naming {@code status} if the ticket is not resolved
     * @throws CrmNotFoundException if it does not exist
     */
    public Ticket reopen(TicketId id) {
        return context.write(uow -> {
            Ticket current = get(uow, id);
            if (current.status() != TicketStatus.RESOLVED) {
                throw new CrmValidationException("status", "only a resolved ticket can be reopened");
            }
            return move(uow, current, TicketStatus.OPEN);
        });
    }

    /**
     * Closes a ticket for good. An unresolved ticket is resolved at the same instant.
     *
     * @param id the ticket
     * @return the stored ticket
     * @throws CrmValidationException naming {@code status} if it is already closed
     * @throws CrmNotFoundException if it does not exist
     */
    public Ticket close(TicketId id) {
        return changeStatus(id, TicketStatus.CLOSED);
    }

    private static Ticket move(UnitOfWork uow, Ticket current, TicketStatus target) {
        if (!current.status().canMoveTo(target)) {
            throw new CrmValidationException("status", "cannot move from " + current.status() + " to " + target);
        }
        Ticket next = current.movedTo(target, uow.now()).stored(current.version() + 1, uow.now());
        uow.tx().tickets().update(next);
        uow.emit(new TicketStatusChanged(uow.meta(), next.id(), current.status(), target));
        if (current.resolvedAt() == null && next.resolvedAt() != null) {
            uow.emit(new TicketResolved(uow.meta(), next.id()));
        }
        return next;
    }

    /**
     * Assigns a ticket to an agent, or unassigns it.
     *
     * @param id the ticket
     * @param assignee the agent, or null to unassign
     * @return the stored ticket (unchanged if the assignee is the same)
     * @throws CrmValidationException naming {@code assigneeId} if the agent is unknown or
     *     inactive, or {@code status} if the ticket is closed
     * @throws CrmNotFoundException if it does not exist
     */
    public Ticket assign(TicketId id, @Nullable UserId assignee) {
        return context.write(uow -> {
            Ticket current = get(uow, id);
            if (java.util.Objects.equals(current.assigneeId(), assignee)) {
                return current;
            }
            if (current.status() == TicketStatus.CLOSED) {
                throw new CrmValidationException("status", "a closed ticket cannot be reassigned");
            }
            Owners.check(context, assignee, "assigneeId");
            Ticket next = current.withAssignee(assignee).stored(current.version() + 1, uow.now());
            uow.tx().tickets().update(next);
            uow.emit(new TicketUpdated(uow.meta(), next.id(), Set.of("assigneeId")));
            return next;
        });
    }

    /**
     * Stores a changed ticket: subject, description, priority, contact, account, channel or SLA
     * policy. The status and its timestamps change only through the lifecycle methods, the
     * assignee only through {@link #assign}.
     *
     * @param edited the ticket with its changes, at the version it was read
     * @return the stored ticket, at the next version (or unchanged if nothing changed)
     * @throws CrmConflictException if the ticket was changed since it was read
     * @throws CrmNotFoundException if it does not exist
     * @throws CrmValidationException naming the field if another field was changed or a linked
     *     record does not exist
     */
    public Ticket update(Ticket edited) {
        Checks.notNull(edited, "ticket");
        return context.write(uow -> {
            Ticket current = get(uow, edited.id());
            if (current.version() != edited.version()) {
                throw new CrmConflictException("Ticket", edited.id().value(), edited.version(), current.version());
            }
            CustomFieldValidation.checkUpdate(uow, EntityType.TICKET, current.customFields(), edited.customFields());
            Set<String> changed = Diff.changed(current, edited, Diff.BOOKKEEPING);
            String refused = Diff.firstNotAllowed(changed, EDITABLE);
            if (refused != null) {
                throw new CrmValidationException(refused, "cannot be changed by an update");
            }
            if (changed.isEmpty()) {
                return current;
            }
            requireParties(uow, changed.contains("contactId") ? edited.contactId() : null,
                    changed.contains("accountId") ? edited.accountId() : null);
            Ticket next = current.withDetails(edited.subject(), edited.description())
                    .withPriority(edited.priority()).withParties(edited.contactId(), edited.accountId())
                    .withChannel(edited.channel()).withSlaPolicy(edited.slaPolicy())
                    .withCustomFields(edited.customFields())
                    .stored(current.version() + 1, uow.now());
            uow.tx().tickets().update(next);
            uow.emit(new TicketUpdated(uow.meta(), next.id(), changed));
            return next;
        });
    }

    /**
     * A ticket by id.
     *
     * @param id the id
     * @return the ticket
     * @throws CrmNotFoundException if it does not exist in this tenant
     */
    public Ticket get(TicketId id) {
        return find(id).orElseThrow(() -> new CrmNotFoundException("Ticket", id.value()));
    }

    /**
     * A ticket by id, if it exists.
     *
     * @param id the id
     * @return the ticket, or empty
     */
    public Optional<Ticket> find(TicketId id) {
        Checks.notNull(id, "ticketId");
        return context.read(tx -> tx.tickets().find(id));
    }

    /**
     * One page of all tickets, ordered by id.
     *
     * <pre>{@code
     * Page<Ticket> page = crm.tickets().list(PageRequest.first(100));
     * }</pre>
     *
     * @param request the page
     * @return the page
     */
    public Page<Ticket> list(PageRequest request) {
        Checks.notNull(request, "request");
        return context.read(tx -> tx.tickets().list(request));
    }

    /**
     * A ticket's SLA result now (by the injected clock).
     *
     * @param id the ticket
     * @return the result
     * @throws CrmNotFoundException if it does not exist
     */
    public SlaResult sla(TicketId id) {
        return get(id).sla(context.clock().instant());
    }

    /**
     * The active ({@code NEW}, {@code OPEN}, {@code PENDING}) tickets of an agent, ordered by id.
     *
     * @param assignee the agent
     * @return the tickets
     */
    public List<Ticket> openByAssignee(UserId assignee) {
        Checks.notNull(assignee, "assigneeId");
        return context.read(tx -> tx.tickets().findActiveByAssignee(assignee));
    }

    /**
     * The tickets of a contact, in any status, ordered by id.
     *
     * @param contactId the contact
     * @return the tickets
     */
    public List<Ticket> byContact(ContactId contactId) {
        Checks.notNull(contactId, "contactId");
        return context.read(tx -> tx.tickets().findByContact(contactId));
    }

    /**
     * The tickets of an account, in any status, ordered by id.
     *
     * @param accountId the account
     * @return the tickets
     */
    public List<Ticket> byAccount(AccountId accountId) {
        Checks.notNull(accountId, "accountId");
        return context.read(tx -> tx.tickets().findByAccount(accountId));
    }

    /**
     * The tickets in a status, ordered by id.
     *
     * @param status the status
     * @return the tickets
     */
    public List<Ticket> byStatus(TicketStatus status) {
        Checks.notNull(status, "status");
        return context.read(tx -> tx.tickets().findByStatus(status));
    }

    /**
     * The active tickets in breach of an SLA target at an instant: not yet responded to after the
     * first response was due, or not yet resolved after the resolution was due. Ordered by the
     * earliest missed due instant, then id.
     *
     * @param at the instant
     * @return the tickets
     */
    public List<Ticket> breachedAt(Instant at) {
        Checks.notNull(at, "at");
        List<Ticket> active = context.read(tx -> {
            List<Ticket> all = new ArrayList<>();
            all.addAll(tx.tickets().findByStatus(TicketStatus.NEW));
            all.addAll(tx.tickets().findByStatus(TicketStatus.OPEN));
            all.addAll(tx.tickets().findByStatus(TicketStatus.PENDING));
            return all;
        });
        return active.stream()
                .filter(t -> t.sla(at).isBreached())
                .sorted(Comparator.comparing(TicketService::earliestMissed).thenComparing(t -> t.id().value()))
                .toList();
    }

    private static Instant earliestMissed(Ticket t) {
        // An active ticket is never resolved; it misses its first-response target first if unanswered.
        return t.firstResponseAt() == null || t.firstResponseAt().isAfter(t.firstResponseDue())
                ? t.firstResponseDue() : t.resolutionDue();
    }

    private static void requireParties(UnitOfWork uow, @Nullable ContactId contactId, @Nullable AccountId accountId) {
        if (contactId != null && uow.tx().contacts().find(contactId).isEmpty()) {
            throw new CrmValidationException("contactId", "names a contact that does not exist");
        }
        if (accountId != null && uow.tx().accounts().find(accountId).isEmpty()) {
            throw new CrmValidationException("accountId", "names an account that does not exist");
        }
    }

    private static Ticket get(UnitOfWork uow, TicketId id) {
        Checks.notNull(id, "ticketId");
        return uow.tx().tickets().find(id).orElseThrow(() -> new CrmNotFoundException("Ticket", id.value()));
    }
}
