package dev.rapport.crm.service;

/**
 * The priority of a ticket; SLA targets are set per priority.
 *
 * <pre>{@code
 * NewTicket.about(contactId, "Printer on fire").priority(TicketPriority.URGENT);
 * }</pre>
 */
public enum TicketPriority {
    /** Can wait. */
    LOW,
    /** The default. */
    NORMAL,
    /** Hurts the customer's business. */
    HIGH,
    /** Stops the customer's business. */
    URGENT
}
