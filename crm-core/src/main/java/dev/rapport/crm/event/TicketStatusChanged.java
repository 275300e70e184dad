package dev.rapport.crm.event;

import dev.rapport.crm.EntityId;
import dev.rapport.crm.internal.Checks;
import dev.rapport.crm.service.TicketId;
import dev.rapport.crm.service.TicketStatus;
import java.util.List;

/**
 * A ticket moved from one status to another.
 *
 * <pre>{@code
 * crm.events().subscribe(TicketStatusChanged.class, e -> System.out.println(e.subjects()));
 * }</pre>
 *
 * @param meta the event's id, tenant, time and actor
 * @param ticketId the ticket
 * @param from the previous status
 * @param to the new status
 */
public record TicketStatusChanged(EventMeta meta, TicketId ticketId, TicketStatus from, TicketStatus to) implements CrmEvent {
    /**
     * Validates the event.
     *
     * @param meta the event's id, tenant, time and actor
     * @param ticketId the ticket
     * @param from the previous status
     * @param to the new status
     * @throws dev.rapport.crm.CrmValidationException if a required part is missing
     */
    public TicketStatusChanged {
        Checks.notNull(meta, "meta");
        Checks.notNull(ticketId, "ticketId");
        Checks.notNull(from, "from");
        Checks.notNull(to, "to");
    }

    @Override
    public List<EntityId> subjects() {
        return Subjects.of(ticketId);
    }
}
