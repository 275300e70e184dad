package dev.rapport.crm.event;

import dev.rapport.crm.EntityId;
import dev.rapport.crm.internal.Checks;
import dev.rapport.crm.service.TicketId;
import java.util.List;
import java.util.Set;

/**
 * A ticket's details or assignee changed (status moves are {@link TicketStatusChanged}).
 *
 * <pre>{@code
 * crm.events().subscribe(TicketUpdated.class, e -> System.out.println(e.changedFields()));
 * }</pre>
 *
 * @param meta the event's id, tenant, time and actor
 * @param ticketId the ticket
 * @param changedFields the names of the fields that changed
 */
public record TicketUpdated(EventMeta meta, TicketId ticketId, Set<String> changedFields) implements CrmEvent {
    /**
     * Validates the event.
     *
     * @param meta the event's id, tenant, time and actor
     * @param ticketId the ticket
     * @param changedFields the names of the fields that changed
     * @throws dev.rapport.crm.CrmValidationException if a required part is missing
     */
    public TicketUpdated {
        Checks.notNull(meta, "meta");
        Checks.notNull(ticketId, "ticketId");
        changedFields = Set.copyOf(Checks.notNull(changedFields, "changedFields"));
    }

    @Override
    public List<EntityId> subjects() {
        return Subjects.of(ticketId);
    }
}
