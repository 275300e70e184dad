package dev.rapport.crm.event;

import dev.rapport.crm.EntityId;
import dev.rapport.crm.internal.Checks;
import dev.rapport.crm.party.AccountId;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An account was created.
 *
 * <pre>{@code
 * crm.events().subscribe(AccountCreated.class, e -> System.out.println(e.subjects()));
 * }</pre>
 *
 * @param meta the event's id, tenant, time and actor
 * @param accountId the new account
 * @param parentId its parent account, or null
 */
public record AccountCreated(EventMeta meta, AccountId accountId, @Nullable AccountId parentId) implements CrmEvent {
    /**
     * Validates the event.
     *
     * @param meta the event's id, tenant, time and actor
     * @param accountId the new account
     * @param parentId its parent account, or null
     * @throws dev.rapport.crm.CrmValidationException if a required part is missing
     */
    public AccountCreated {
        Checks.notNull(meta, "meta");
        Checks.notNull(accountId, "accountId");
    }

    @Override
    public List<EntityId> subjects() {
        return Subjects.of(accountId, parentId);
    }
}
