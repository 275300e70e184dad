/**
 * Customer service: {@link dev.rapport.crm.service.Ticket}s with a priority, a status lifecycle
 * ({@link dev.rapport.crm.service.TicketStatus}), an assignee, and SLA targets
 * ({@link dev.rapport.crm.service.SlaPolicy}) measured from the moment a ticket is opened to its
 * first response and to its resolution.
 *
 * <pre>{@code
 * Ticket t = crm.tickets().open(NewTicket.about(ada.id(), "Cannot log in").priority(TicketPriority.HIGH));
 * crm.tickets().respond(t.id());
 * crm.tickets().resolve(t.id());
 * SlaResult sla = crm.tickets().sla(t.id());
 * }</pre>
 */
@NullMarked
package dev.rapport.crm.service;

import org.jspecify.annotations.NullMarked;
