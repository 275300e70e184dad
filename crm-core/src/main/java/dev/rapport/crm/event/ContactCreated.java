package dev.rapport.crm.event;

import dev.rapport.crm.EntityId;
import dev.rapport.crm.internal.Checks;
import dev.rapport.crm.party.AccountId;
import dev.rapport.crm.party.ContactId;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A contact was created.
 *
 * <pre>{@code
 * crm.events().subscribe(ContactCreated.class, e -> System.out.println(e.subjects()));
 * }</pre>
 *
 * @param meta the event's id, tenant, time and actor
 * @param contactId the new contact
 * @param accountId its account, or null
 */
public record ContactCreated(EventMeta meta, ContactId contactId, @Nullable AccountId accountId) implements CrmEvent {
    /**
     * Validates the event.
     *
     * @param meta the event's id, tenant, time and actor
     * @param contactId the new contact
     * @param accountId its account, or null
     * @throws dev.rapport.crm.CrmValidationException if a required part is missing
     */
    public ContactCreated {
        Checks.notNull(meta, "meta");
        Checks.notNull(contactId, "contactId");
    }

    @Override
    public List<EntityId> subjects() {
        return Subjects.of(contactId, accountId);
    }
}
