package dev.rapport.crm.event;

import dev.rapport.crm.EntityId;
import dev.rapport.crm.internal.Checks;
import dev.rapport.crm.party.AccountId;
import java.util.List;
import java.util.Set;

/**
 * An account's fields changed.
 *
 * <pre>{@code
 * crm.events().subscribe(AccountUpdated.class, e -> System.out.println(e.subjects()));
 * }</pre>
 *
 * @param meta the event's id, tenant, time and actor
 * @param accountId the account
 * @param changedFields the names of the fields that changed
 */
public record AccountUpdated(EventMeta meta, AccountId accountId, Set<String> changedFields) implements CrmEvent {
    /**
     * Validates the event.
     *
     * @param meta the event's id, tenant, time and actor
     * @param accountId the account
     * @param changedFields the names of the fields that changed
     * @throws dev.rapport.crm.CrmValidationException if a required part is missing
     */
    public AccountUpdated {
        Checks.notNull(meta, "meta");
        Checks.notNull(accountId, "accountId");
        changedFields = Set.copyOf(Checks.notNull(changedFields, "changedFields"));
    }

    @Override
    public List<EntityId> subjects() {
        return Subjects.of(accountId);
    }
}
