package dev.rapport.crm.service;

import dev.rapport.crm.directory.UserId;
import dev.rapport.crm.party.AccountId;
import dev.rapport.crm.party.ContactId;
import dev.rapport.crm.spi.AggregateStore;
import java.util.List;

/**
 * The store port for tickets, with the indexed look-ups the services need. Every list is
 * ordered by id.
 *
 * <pre>{@code
 * List<Ticket> queue = tx.tickets().findActiveByAssignee(UserId.of("agent-1"));
 * }</pre>
 */
public interface TicketStore extends AggregateStore<TicketId, Ticket> {
    /**
     * The active ({@code NEW}, {@code OPEN} or {@code PENDING}) tickets of an assignee.
     *
     * @param assigneeId the assignee
     * @return the tickets
     */
    List<Ticket> findActiveByAssignee(UserId assigneeId);

    /**
     * The tickets of a contact, in any status.
     *
     * @param contactId the contact
     * @return the tickets
     */
    List<Ticket> findByContact(ContactId contactId);

    /**
     * The tickets of an account, in any status.
     *
     * @param accountId the account
     * @return the tickets
     */
    List<Ticket> findByAccount(AccountId accountId);

    /**
     * The tickets in a status.
     *
     * @param status the status
     * @return the tickets
     */
    List<Ticket> findByStatus(TicketStatus status);
}
