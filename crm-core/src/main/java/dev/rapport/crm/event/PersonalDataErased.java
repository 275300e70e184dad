package dev.rapport.crm.event;

import dev.rapport.crm.EntityId;
import dev.rapport.crm.internal.Checks;
import java.util.List;

/**
 * A person's personal data was erased (right to be forgotten): the records listed lost it
 * (anonymized, or removed where they existed only for the person). Their ids remain, with no
 * personal data behind them; consumers holding copies of the person's data should erase them.
 *
 * <pre>{@code
 * crm.events().subscribe(PersonalDataErased.class, e -> newsletterTool.forget(e.erased()));
 * }</pre>
 *
 * @param meta the event's id, tenant, time and actor
 * @param erased the ids of the records erased, the person's contact (or lead) first
 */
public record PersonalDataErased(EventMeta meta, List<EntityId> erased) implements CrmEvent {
    /**
     * Validates the event.
     *
     * @param meta the event's id, tenant, time and actor
     * @param erased the ids of the records erased, the person's contact (or lead) first
     * @throws dev.rapport.crm.CrmValidationException if a part is missing or no record is listed
     */
    public PersonalDataErased {
        Checks.notNull(meta, "meta");
        erased = Checks.list(erased, "erased");
        Checks.check(!erased.isEmpty(), "erased", "must list the erased records");
    }

    @Override
    public List<EntityId> subjects() {
        return erased;
    }
}
