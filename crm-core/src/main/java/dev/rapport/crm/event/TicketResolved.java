package dev.rapport.crm.event;

import dev.rapport.crm.EntityId;
import dev.rapport.crm.internal.Checks;
import dev.rapport.crm.service.TicketId;
import java.util.List;

/**
 * A ticket was resolved.
 *
 * <pre>{@code
 * crm.events().subscribe(TicketResolved.class, e -> System.out.println(e.subjects()));
 * }</pre>
 *
 * @param meta the event's id, tenant, time and actor
 * @param ticketId the ticket
 */
public record TicketResolved(EventMeta meta, TicketId ticketId) implements CrmEvent {
    /**
     * Validates the event.
     *
     * @param meta the event's id, tenant, time and actor
     * @param ticketId the ticket
     * @throws dev.rapport.crm.CrmValidationException if a required part is missing
     */
    public TicketResolved {
        Checks.notNull(meta, "meta");
        Checks.notNull(ticketId, "ticketId");
    }

    @Override
    public List<EntityId> subjects() {
        return Subjects.of(ticketId);
    }
}
