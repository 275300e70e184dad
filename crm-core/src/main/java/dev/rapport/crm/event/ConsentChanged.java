package dev.rapport.crm.event;

import dev.rapport.crm.EntityId;
import dev.rapport.crm.governance.ConsentChannel;
import dev.rapport.crm.governance.ConsentPurpose;
import dev.rapport.crm.governance.ConsentStatus;
import dev.rapport.crm.internal.Checks;
import dev.rapport.crm.party.ContactId;
import java.util.List;

/**
 * A consent decision of a contact was recorded.
 *
 * <pre>{@code
 * crm.events().subscribe(ConsentChanged.class, e -> suppressionList.refresh(e.contactId()));
 * }</pre>
 *
 * @param meta the event's id, tenant, time and actor
 * @param contactId the contact
 * @param purpose the purpose
 * @param channel the channel
 * @param status the new status
 */
public record ConsentChanged(EventMeta meta, ContactId contactId, ConsentPurpose purpose, ConsentChannel channel,
        ConsentStatus status) implements CrmEvent {
    /**
     * Validates the event.
     *
     * @param meta the event's id, tenant, time and actor
     * @param contactId the contact
     * @param purpose the purpose
     * @param channel the channel
     * @param status the new status
     * @throws dev.rapport.crm.CrmValidationException if a part is missing
     */
    public ConsentChanged {
        Checks.notNull(meta, "meta");
        Checks.notNull(contactId, "contactId");
        Checks.notNull(purpose, "purpose");
        Checks.notNull(channel, "channel");
        Checks.notNull(status, "status");
    }

    @Override
    public List<EntityId> subjects() {
        return Subjects.of(contactId);
    }
}
