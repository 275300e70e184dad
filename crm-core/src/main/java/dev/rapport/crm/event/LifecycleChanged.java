package dev.rapport.crm.event;

import dev.rapport.crm.EntityId;
import dev.rapport.crm.internal.Checks;
import dev.rapport.crm.lifecycle.LifecycleStage;
import dev.rapport.crm.party.ContactId;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A contact's lifecycle stage changed, forward or by an explicit override.
 *
 * <pre>{@code
 * crm.events().subscribe(LifecycleChanged.class, e -> System.out.println(e.subjects()));
 * }</pre>
 *
 * @param meta the event's id, tenant, time and actor
 * @param contactId the contact
 * @param from the previous stage
 * @param to the new stage
 * @param override true if this was a backward or sideways move by override
 * @param reason the override's reason, or null for a forward move
 */
public record LifecycleChanged(EventMeta meta, ContactId contactId, LifecycleStage from, LifecycleStage to, boolean override, @Nullable String reason) implements CrmEvent {
    /**
     * Validates the event.
     *
     * @param meta the event's id, tenant, time and actor
     * @param contactId the contact
     * @param from the previous stage
     * @param to the new stage
     * @param override true if this was a backward or sideways move by override
     * @param reason the override's reason, or null for a forward move
     * @throws dev.rapport.crm.CrmValidationException if a required part is missing
     */
    public LifecycleChanged {
        Checks.notNull(meta, "meta");
        Checks.notNull(contactId, "contactId");
        Checks.notNull(from, "from");
        Checks.notNull(to, "to");
    }

    @Override
    public List<EntityId> subjects() {
        return Subjects.of(contactId);
    }
}
