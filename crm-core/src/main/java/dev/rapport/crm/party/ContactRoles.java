package dev.rapport.crm.party;

import dev.rapport.crm.CrmValidationException;
import dev.rapport.crm.internal.Checks;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The contact roles of one account or opportunity: one role per contact, at most one primary.
 * Adding a primary role makes the former primary an ordinary one.
 *
 * <pre>{@code
 * ContactRoles roles = ContactRoles.none().with(ContactRole.primary(ada.id(), ContactRoleType.CHAMPION));
 * roles.primary();   // Optional[ada's role]
 * }</pre>
 *
 * @param roles the roles, in the order they were added
 */
public record ContactRoles(List<ContactRole> roles) {
    private static final ContactRoles NONE = new ContactRoles(List.of());

    /**
     * Validates the roles.
     *
     * @param roles the roles, in the order they were added
     * @throws CrmValidationException naming {@code contactRoles} if a contact appears twice or
     *     more than one role is primary
     */
    public ContactRoles {
        roles = Checks.list(roles, "contactRoles");
        Set<ContactId> seen = new HashSet<>();
        int primaries = 0;
        for (ContactRole role : roles) {
            if (!seen.add(role.contactId())) {
                throw new CrmValidationException("contactRoles", "names a contact twice");
            }
            if (role.primary()) {
                primaries++;
            }
        }
        if (primaries > 1) {
            throw new CrmValidationException("contactRoles", "must have at most one primary contact");
        }
    }

    /**
     * No roles.
     *
     * @return the empty roles
     */
    public static ContactRoles none() {
        return NONE;
    }

    /**
     * A copy with a role set (replacing the contact's former role). A primary role demotes the
     * former primary.
     *
     * @param role the role
     * @return the new roles
     */
    public ContactRoles with(ContactRole role) {
        List<ContactRole> next = new ArrayList<>(roles.size() + 1);
        for (ContactRole r : roles) {
            if (r.contactId().equals(role.contactId())) {
                continue;
            }
            next.add(role.primary() && r.primary() ? new ContactRole(r.contactId(), r.type(), false) : r);
        }
        next.add(role);
        return new ContactRoles(next);
    }

    /**
     * A copy without a contact's role.
     *
     * @param contactId the contact
     * @return the new roles
     */
    public ContactRoles without(ContactId contactId) {
        List<ContactRole> next = new ArrayList<>(roles);
        next.removeIf(r -> r.contactId().equals(contactId));
        return next.size() == roles.size() ? this : new ContactRoles(next);
    }

    /**
     * The primary role.
     *
     * @return the primary role, or empty
     */
    public Optional<ContactRole> primary() {
        return roles.stream().filter(ContactRole::primary).findFirst();
    }

    /**
     * The contacts that have a role.
     *
     * @return their ids, in order
     */
    public List<ContactId> contactIds() {
        return roles.stream().map(ContactRole::contactId).toList();
    }
}
