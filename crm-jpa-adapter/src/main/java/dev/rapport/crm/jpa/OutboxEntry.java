package dev.rapport.crm.jpa;

import dev.rapport.crm.TenantId;
import dev.rapport.crm.event.CrmEvent;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One event as the outbox holds it: written in the transaction of the change that emitted it.
 *
 * <pre>{@code
 * outbox.deliver(100, entry -> broker.send(entry.eventType(), entry.payload()));
 * }</pre>
 *
 * @param sequence the position in the outbox: entries are delivered in this order
 * @param tenant the tenant whose change emitted the event
 * @param eventId the event's id, unique per tenant: consumers deduplicate by it
 * @param eventType the simple name of the event's record type, such as {@code ContactCreated}
 * @param subjectId the id of the first thing the event concerns, or null if it names none
 * @param occurredAt when the event occurred, exactly as the event says
 * @param payload the event as JSON: its record components by name
 */
public record OutboxEntry(long sequence, TenantId tenant, String eventId, String eventType,
        @Nullable String subjectId, Instant occurredAt, String payload) {
    /**
     * Checks the parts.
     *
     * @param sequence the position in the outbox: entries are delivered in this order
     * @param tenant the tenant whose change emitted the event
     * @param eventId the event's id, unique per tenant: consumers deduplicate by it
     * @param eventType the simple name of the event's record type, such as {@code ContactCreated}
     * @param subjectId the id of the first thing the event concerns, or null if it names none
     * @param occurredAt when the event occurred, exactly as the event says
     * @param payload the event as JSON: its record components by name
     */
    public OutboxEntry {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(payload, "payload");
    }

    /**
     * The event itself, read back from the payload: equal to the event the change emitted.
     *
     * <pre>{@code
     * outbox.deliver(100, entry -> workflow.accept(entry.event()));
     * }</pre>
     *
     * @return the event
     * @throws IllegalStateException if the payload does not hold a valid event of the entry's type
     */
    public CrmEvent event() {
        return EventCodec.decode(eventType, payload);
    }
}
