package dev.rapport.crm.service;

/**
 * How a ticket stands against one SLA target.
 *
 * <pre>{@code
 * if (ticket.sla(now).firstResponse() == SlaOutcome.BREACHED) { escalate(ticket); }
 * }</pre>
 */
public enum SlaOutcome {
    /** Not done yet, and not due yet (or due exactly now). */
    PENDING,
    /** Done at or before the due instant. */
    MET,
    /** Done after the due instant, or not done and the due instant has passed. */
    BREACHED
}
