package dev.rapport.crm.event;

import dev.rapport.crm.EntityId;
import dev.rapport.crm.internal.Checks;
import dev.rapport.crm.party.ContactId;
import java.util.List;

/**
 * A contact's personal data was erased (right to be forgotten). The contact's id remains, with
 * no personal data behind it; consumers holding copies of the person's data should erase them.
 *
 * <pre>{@code
 * crm.events().subscribe(ContactErased.class, e -> newsletterTool.forget(e.contactId()));
 * }</pre>
 *
 * @param meta the event's id, tenant, time and actor
 * @param contactId the erased contact
 */
public record ContactErased(EventMeta meta, ContactId contactId) implements CrmEvent {
    /**
     * Validates the event.
     *
     * @param meta the event's id, tenant, time and actor
     * @param contactId the erased contact
     * @throws dev.rapport.crm.CrmValidationException if a part is missing
     */
    public ContactErased {
        Checks.notNull(meta, "meta");
        Checks.notNull(contactId, "contactId");
    }

    @Override
    public List<EntityId> subjects() {
        return Subjects.of(contactId);
    }
}
