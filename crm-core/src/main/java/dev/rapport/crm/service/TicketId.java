package dev.rapport.crm.service;

import dev.rapport.crm.EntityId;
import dev.rapport.crm.internal.Checks;

/**
 * The id of a support ticket.
 *
 * <pre>{@code
 * TicketId id = TicketId.of("x-1");
 * }</pre>
 *
 * @param value the id, non-blank, at most 128 characters
 */
public record TicketId(String value) implements EntityId {
    /**
     * Validates the id.
     *
     * @param value the id, non-blank, at most 128 characters
     * @throws dev.rapport.crm.CrmValidationException if it is blank or too long
     */
    public TicketId {
        value = Checks.nonBlank(value, "ticketId");
        Checks.maxLength(value, 128, "ticketId");
    }

    /**
     * The id from its text.
     *
     * @param value the id
     * @return the typed id
     * @throws dev.rapport.crm.CrmValidationException if it is blank or too long
     */
    public static TicketId of(String value) {
        return new TicketId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
