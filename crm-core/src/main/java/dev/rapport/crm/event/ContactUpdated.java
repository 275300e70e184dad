package dev.rapport.crm.event;

import dev.rapport.crm.EntityId;
import dev.rapport.crm.internal.Checks;
import dev.rapport.crm.party.ContactId;
import java.util.List;
import java.util.Set;

/**
 * A contact's fields changed.
 *
 * <pre>{@code
 * crm.events().subscribe(ContactUpdated.class, e -> System.out.println(e.subjects()));
 * }</pre>
 *
 * @param meta the event's id, tenant, time and actor
 * @param contactId the contact
 * @param changedFields the names of the fields that changed
 */
public record ContactUpdated(EventMeta meta, ContactId contactId, Set<String> changedFields) implements CrmEvent {
    /**
     * Validates the event.
     *
     * @param meta the event's id, tenant, time and actor
     * @param contactId the contact
     * @param changedFields the names of the fields that changed
     * @throws dev.rapport.crm.CrmValidationException if a required part is missing
     */
    public ContactUpdated {
        Checks.notNull(meta, "meta");
        Checks.notNull(contactId, "contactId");
        changedFields = Set.copyOf(Checks.notNull(changedFields, "changedFields"));
    }

    @Override
    public List<EntityId> subjects() {
        return Subjects.of(contactId);
    }
}
