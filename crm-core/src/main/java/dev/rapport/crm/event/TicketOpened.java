package dev.rapport.crm.event;

import dev.rapport.crm.EntityId;
import dev.rapport.crm.internal.Checks;
import dev.rapport.crm.party.ContactId;
import dev.rapport.crm.service.TicketId;
import dev.rapport.crm.service.TicketPriority;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A support ticket was opened.
 *
 * <pre>{@code
 * crm.events().subscribe(TicketOpened.class, e -> System.out.println(e.subjects()));
 * }</pre>
 *
 * @param meta the event's id, tenant, time and actor
 * @param ticketId the ticket
 * @param contactId the contact who asked, or null
 * @param priority its priority
 */
public record TicketOpened(EventMeta meta, TicketId ticketId, @Nullable ContactId contactId, TicketPriority priority) implements CrmEvent {
    /**
     * Validates the event.
     *
     * @param meta the event's id, tenant, time and actor
     * @param ticketId the ticket
     * @param contactId the contact who asked, or null
     * @param priority its priority
     * @throws dev.rapport.crm.CrmValidationException if a required part is missing
     */
    public TicketOpened {
        Checks.notNull(meta, "meta");
        Checks.notNull(ticketId, "ticketId");
        Checks.notNull(priority, "priority");
    }

    @Override
    public List<EntityId> subjects() {
        return Subjects.of(ticketId, contactId);
    }
}
