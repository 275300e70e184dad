package dev.rapport.crm.event;

import dev.rapport.crm.Actor;
import dev.rapport.crm.TenantId;
import dev.rapport.crm.internal.Checks;
import java.time.Instant;

/**
 * What every event carries: its id, its tenant, when it occurred (from the injected clock) and
 * who caused it.
 *
 * <pre>{@code
 * crm.events().subscribe(e -> log.info("{} at {} by {}", e.getClass().getSimpleName(),
 *         e.meta().occurredAt(), e.meta().actor()));
 * }</pre>
 *
 * @param id the event id, unique
 * @param tenantId the tenant whose data changed
 * @param occurredAt when the change was stored
 * @param actor who made the change
 */
public record EventMeta(EventId id, TenantId tenantId, Instant occurredAt, Actor actor) {
    /**
     * Validates the metadata.
     *
     * @param id the event id, unique
     * @param tenantId the tenant whose data changed
     * @param occurredAt when the change was stored
     * @param actor who made the change
     * @throws dev.rapport.crm.CrmValidationException if a part is missing
     */
    public EventMeta {
        Checks.notNull(id, "event.id");
        Checks.notNull(tenantId, "event.tenantId");
        Checks.notNull(occurredAt, "event.occurredAt");
        Checks.notNull(actor, "event.actor");
    }
}
